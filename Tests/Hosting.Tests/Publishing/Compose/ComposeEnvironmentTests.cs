using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Override files carry what the model declares per environment; host ports that two services claim are rejected.</summary>
public sealed class ComposeEnvironmentTests
{
    [Fact]
    public async Task Publish_ForEnvironment_OnlyThatOverrideFileChanges()
    {
        using var output = new TestDirectory();

        var published = await ComposePublish.RunAsync(b => b.Api().WithHttpEndpoint().WithResources(0.5, 256)
            .ForEnvironment("production", new() { Replicas = 3, MemoryMiB = 1024, ImageTag = "v7" }), output.Path);

        var production = published.Files["compose.production.yaml"];
        Assert.Contains("replicas: 3", production, StringComparison.Ordinal);
        Assert.Contains("1024M", production, StringComparison.Ordinal);
        Assert.Contains(":v7", production, StringComparison.Ordinal);
        Assert.DoesNotContain("replicas: 3", published.Files["compose.staging.yaml"], StringComparison.Ordinal);
        Assert.DoesNotContain(":v7", published.Files["compose.staging.yaml"], StringComparison.Ordinal);
        foreach (var file in published.ComposeFiles.Where(f => f != "compose.yaml"))
        {
            var validation = await CommandRunner.ValidateAsync("validate-compose.mjs", "--no-consistency", Path.Combine(published.Directory, file));
            Assert.True(validation.ExitCode == 0, $"validate-compose rejected {file}:\n{validation.All}");
        }
    }

    [Fact]
    public async Task Publish_TwoServicesOnOneHostPort_NamesBothAndWritesNothing()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => ComposePublish.RunAsync(b =>
        {
            b.Api().WithHttpEndpoint(port: 9000).WithExternalHttpEndpoints();
            b.Web().WithHttpEndpoint(port: 9000).WithExternalHttpEndpoints();
        }, output.Path));

        Assert.Contains("It publishes host port 9000, which 'api' also publishes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Give 'web' or 'api' another port", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output.Path, "compose")), "Nothing is written when the model cannot be published.");
    }
}
