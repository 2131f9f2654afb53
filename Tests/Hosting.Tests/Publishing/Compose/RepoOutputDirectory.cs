using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>A fixed <c>--output-path</c> inside this project's (git-ignored) obj folder, removed on dispose. Build contexts
/// in compose.yaml are relative to the output, so a fixed place inside the repository gives the same golden files in
/// every clone, wherever it lives.</summary>
internal sealed class RepoOutputDirectory : IDisposable
{
    public RepoOutputDirectory(string name)
    {
        Path = System.IO.Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "obj", "compose-golden", name);
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
