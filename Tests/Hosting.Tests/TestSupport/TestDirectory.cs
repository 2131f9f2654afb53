namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>A directory under the system temp folder that is removed, with everything in it, on dispose.</summary>
public sealed class TestDirectory : IDisposable
{
    public TestDirectory(string prefix = "deploy-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
