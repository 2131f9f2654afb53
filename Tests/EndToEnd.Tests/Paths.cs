namespace Deploy.EndToEnd.Tests;

/// <summary>The repository root (the folder with Deploy.sln) and the build configuration the tests run under.</summary>
public static class Paths
{
    public static string Root { get; } = FindRoot();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Deploy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Deploy.sln not found above " + AppContext.BaseDirectory);
    }
}
