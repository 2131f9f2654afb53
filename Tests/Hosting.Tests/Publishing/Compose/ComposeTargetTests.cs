using Aspire.Hosting;
using Deploy.Hosting.Publishing.Compose;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>The target as an AppHost declares it: Aspire's entry point, run mode untouched, the umbrella publish step.</summary>
public sealed class ComposeTargetTests
{
    [Fact]
    public void AddDockerComposeEnvironment_RunMode_AddsNothingToTheModel()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true });

        var compose = builder.AddDockerComposeEnvironment("compose");

        Assert.Equal("compose", compose.Resource.Name);
        Assert.Equal(DockerComposeEnvironmentResource.StandardEnvironments, compose.Resource.Environments);
        Assert.DoesNotContain(builder.Resources, r => r is DockerComposeEnvironmentResource);
    }

    [Fact]
    public async Task Publish_UmbrellaStep_WritesComposeIntoTheTargetFolderAndSkipsExcludedResources()
    {
        using var output = new TestDirectory();

        await PublishRun.RunAsync(builder =>
        {
            builder.AddDockerComposeEnvironment("compose");
            builder.AddContainer("admin", "example/admin", "1").ExcludeFromManifest();
            ComposeTestModels.All["project-only"](builder);
        }, output.Path);

        var compose = File.ReadAllText(output.Combine("compose", "compose.yaml"));
        Assert.Contains("\n  api:\n", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", compose, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(output.Path, ".*"));
    }
}
