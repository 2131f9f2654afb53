using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Models Compose cannot express fail with every problem listed at once, naming the resource and the fix, and
/// nothing is written.</summary>
public sealed class ComposeErrorTests
{
    [Fact]
    public async Task Publish_UnpublishableModel_ListsEveryProblemAndWritesNothing()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => ComposePublish.RunAsync(builder =>
        {
            builder.AddExecutable("tool", "python3", ".", "tool.py");
            builder.AddContainer("legacy", "example/legacy", "1.0").WithEndpoint(name: "admin", scheme: "http");
            builder.Worker("trainer").WithGpu(1, vendor: "amd");
            var seed = builder.Web("seed");
            var image = builder.AddParameter("api-image", "registry.example/api:1");
            builder.Api().WaitForCompletion(seed, exitCode: 3).WithEnvironment("Image", image);
        }, output.Path));

        Assert.Contains("(5 problems); nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'tool': An executable runs a local program", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublishAsDockerFile()", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'legacy': endpoint 'admin' has no target port", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithEndpoint(targetPort:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'trainer': It needs amd GPUs", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api': It waits for 'seed' to exit with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api-image': Its .env variable API_IMAGE is also the image variable", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Publish_InvalidConfiguration_NamesEachSettingAndItsFix()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => ComposePublish.RunAsync(ComposeTestModels.All["project-only"], output.Path,
            configuration: new Dictionary<string, string?> { ["Deploy:Compose:Environments"] = "Staging,../prod", ["Deploy:Compose:Dashboard"] = "maybe" }));

        Assert.Contains("Environment '../prod' of target 'compose' is not a DNS label. Fix:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Deploy:Compose:Dashboard is 'maybe', which is not a boolean", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output.Path, ComposePublish.TargetName)));
    }

    [Fact]
    public async Task Publish_ResourceNamedLikeTheDashboard_IsRejected()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => ComposePublish.RunAsync(
            builder => builder.AddContainer("compose-dashboard", "nginx", "1.27"), output.Path, target: compose => compose.WithDashboard()));

        Assert.Contains("Resource 'compose-dashboard': Its service name is the one the target's dashboard takes", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithDashboard(false)", error.Message, StringComparison.Ordinal);
    }
}
