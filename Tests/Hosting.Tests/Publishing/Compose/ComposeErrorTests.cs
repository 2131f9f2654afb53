using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Models Compose cannot express fail with every problem listed at once, naming the resource and the fix.</summary>
public class ComposeErrorTests
{
    [Fact]
    public async Task Publish_UnpublishableModel_ListsEveryProblemAndWritesNothing()
    {
        var builder = TestModels.Publish("compose");
        builder.AddExecutable("tool", "python3", ".", "tool.py");
        builder.AddContainer("legacy", "example/legacy", "1.0").WithEndpoint(name: "admin", scheme: "http");
        builder.AddProject<WorkerProject>("trainer").WithGpu(1, vendor: "amd");
        var seed = builder.AddProject<WebProject>("seed");
        var image = builder.AddParameter("api-image", "registry.example/api:1");
        builder.AddProject<ApiProject>("api").WaitForCompletion(seed, exitCode: 3).WithEnvironment("Image", image);

        var directory = Directory.CreateTempSubdirectory("deploy-compose-error-").FullName;

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => ComposeHarness.PublishAsync(builder, directory: directory));

        Assert.Contains("5 problems", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'tool': An executable runs a local program", error.Message, StringComparison.Ordinal);
        Assert.Contains("PublishAsDockerFile()", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'legacy': Endpoint 'admin' does not say which port", error.Message, StringComparison.Ordinal);
        Assert.Contains("targetPort: <port>", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'trainer': It needs amd GPUs", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api': It waits for 'seed' to exit with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api-image': Its .env variable API_IMAGE is also the image variable", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task Publish_EnvironmentNameWithSlash_IsRejected()
    {
        var builder = TestModels.Publish("compose");
        builder.AddProject<ApiProject>("api");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => ComposeHarness.PublishAsync(builder, environment: "../prod"));

        Assert.Contains("Environment name '../prod' cannot name an override file", error.Message, StringComparison.Ordinal);
        Assert.Contains("--environment staging", error.Message, StringComparison.Ordinal);
    }
}
