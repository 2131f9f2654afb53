using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>The publish command in process: where the file lands, and that a failure leaves nothing behind.</summary>
public sealed class ManifestPublishCommandTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("deploy-manifest-out-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static DistributedApplication Build(string[] args, bool withExecutable = false)
    {
        var builder = new DistributedApplicationBuilder(args, TestModels.AppHostDirectory, "TestApp");
        builder.AddRedis("cache");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint();
        if (withExecutable)
            builder.AddExecutable("scorer", "python", "../scorer");
        return builder.Build();
    }

    [Fact]
    public async Task RunAsync_PublishManifestToDirectory_WritesAspireManifestJsonOnly()
    {
        await Build(["publish", "manifest", "--output-path", _output]).RunAsync();

        var file = Assert.Single(Directory.GetFileSystemEntries(_output));
        Assert.Equal("aspire-manifest.json", Path.GetFileName(file));
        Assert.Contains("\"cache-password\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PublisherFormWithFilePath_CreatesParentsAndWritesThatFile()
    {
        var target = Path.Combine(_output, "azd-provision", "apphost-manifest.json");

        await Build(["--publisher", "manifest", "--output-path", target]).RunAsync();

        Assert.Equal([target], Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!));
        var result = await CommandRunner.ValidateAsync("validate-manifest.mjs", target);
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public async Task RunAsync_ExecutableWithoutDockerfile_ThrowsAndLeavesNothingBehind()
    {
        var target = Path.Combine(_output, "manifest.json");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => Build(["--publisher", "manifest", "--output-path", target], withExecutable: true).RunAsync());

        Assert.Contains("Resource 'scorer'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_output));
    }

    [Fact]
    public async Task RunAsync_ExistingManifest_IsReplacedWhole()
    {
        var target = Path.Combine(_output, "aspire-manifest.json");
        await File.WriteAllTextAsync(target, new string('x', 100_000));

        await Build(["publish", "manifest", "--output-path", target]).RunAsync();

        var written = await File.ReadAllTextAsync(target);
        Assert.StartsWith("{", written, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", written, StringComparison.Ordinal);
    }
}
