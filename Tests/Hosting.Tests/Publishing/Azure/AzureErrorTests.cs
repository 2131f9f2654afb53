using Aspire.Hosting;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Azure;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public class AzureErrorTests
{
    [Fact]
    public async Task Publish_ManyProblems_OneExceptionListingEachWithFix()
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => AzurePublish.RunAsync(b =>
        {
            b.AddExecutable("tool", "python3", "/apps/tool");
            b.AddProject<WorkerProject>("multi").WithGpu(2, sku: "h100");
            b.AddProject<ApiProject>("a-very-long-resource-name-over-32-chars");
            b.AddContainer("files", "nginx").WithBindMount("/srv/www", "/usr/share/nginx/html").WithEndpoint(name: "raw");
            b.AddProject<WebProject>("big").WithResources(8, 16384);
        }));

        Assert.Contains("nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'tool' is an executable", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'multi' asks for 2 GPUs", error.Message, StringComparison.Ordinal);
        Assert.Contains("GPU SKU 'h100'", error.Message, StringComparison.Ordinal);
        Assert.Contains("one of: a100, t4", error.Message, StringComparison.Ordinal);
        Assert.Contains("longer than 32 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("bind-mounts the host directory '/srv/www'", error.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint 'raw' has no target port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'big' has WithResources(8, 16384)", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Message.Split('\n').Count(l => l.StartsWith("  - ", StringComparison.Ordinal) && l.Contains("Fix:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Publish_SecretInArgument_ErrorSaysUseEnvironment()
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => AzurePublish.RunAsync(b =>
        {
            var key = b.AddParameter("api-key", secret: true);
            b.AddProject<WorkerProject>("worker").WithArgs("--key", key.Resource);
        }));

        Assert.Contains("Resource 'worker': argument 2 carries a secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithEnvironment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_UdpAndBadAutoscaling_Reported()
    {
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => AzurePublish.RunAsync(b =>
            b.AddContainer("dns", "coredns/coredns", "1.11").WithEndpoint(targetPort: 53, name: "dns", protocol: System.Net.Sockets.ProtocolType.Udp)
                .WithAutoscaling(5, 2)));

        Assert.Contains("endpoint 'dns' is UDP", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithAutoscaling(5, 2, 70)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Failure_WritesNothingIntoOutputDirectory()
    {
        var directory = Path.Combine(AzurePublish.Root, "failure-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var builder = TestModels.Publish("azure");
            builder.AddProject<ApiProject>("api").WithHttpEndpoint();
            builder.AddProject<WorkerProject>("gpu").WithGpu(vendor: "amd");
            var context = new PublishContext(builder.Build().Model,
                new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, "azure"), directory, directory, null, TextWriter.Null);

            await Assert.ThrowsAsync<DistributedApplicationException>(() => new AzurePublisher().PublishAsync(context, CancellationToken.None));

            Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
