namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Locates the repository (the folder with Deploy.sln) and <c>../shared</c> beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Validators => Path.Combine(Shared, "validate");

    /// <summary>The directory of the calling source file (golden files live beside their tests).</summary>
    public static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Deploy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Deploy.sln not found above " + AppContext.BaseDirectory);
    }
}
