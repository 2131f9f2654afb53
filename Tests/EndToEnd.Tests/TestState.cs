namespace Deploy.EndToEnd.Tests;

/// <summary>A Deploy state directory for one test, removed with everything in it on dispose.</summary>
/// <remarks>Traversable by other accounts, as PostgreSQL runs as the unprivileged <c>postgres</c> account under root.</remarks>
public sealed class TestState : IDisposable
{
    public TestState()
    {
        Path = Directory.CreateTempSubdirectory("deploy-e2e-").FullName;
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
