namespace Deploy.EndToEnd.Tests;

/// <summary>Paths of the reference application's projects, built with the AppHost the tests reference.</summary>
public static class SampleProjects
{
    public static string Root { get; } = FindRoot();

    /// <summary>The web front end: a project that starts on its own (it needs nothing else to answer /health).</summary>
    public static string Web => Path.Combine(Root, "Samples", "Web", "Web.csproj");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Deploy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Deploy.sln not found above " + AppContext.BaseDirectory);
    }
}
