using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureErrorTests
{
    [Fact]
    public async Task Publish_ManyProblems_OneFailureListingEachWithFix()
    {
        var error = await PublishFailsAsync(b =>
        {
            b.AddExecutable("tool", "python3", "/apps/tool");
            b.AddProject("multi", AzureModels.Project("Worker")).WithGpu(2, sku: "h100");
            b.AddProject("a-very-long-resource-name-over-32-chars", AzureModels.Project("Api"));
            b.AddContainer("files", "nginx").WithBindMount("/srv/www", "/usr/share/nginx/html").WithEndpoint(name: "raw");
            b.AddProject("big", AzureModels.Project("Web")).WithResources(8, 16384);
        });

        Assert.Contains("nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'tool' is an executable", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'multi' asks for 2 GPUs", error.Message, StringComparison.Ordinal);
        Assert.Contains("GPU SKU 'h100'", error.Message, StringComparison.Ordinal);
        Assert.Contains("one of: a100, t4", error.Message, StringComparison.Ordinal);
        Assert.Contains("longer than 32 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("bind-mounts the host directory '/srv/www'", error.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint 'raw' has no target port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'big' has WithResources(8, 16384)", error.Message, StringComparison.Ordinal);
        // Each problem is one line; the pipeline logs the failure more than once, once with the next log text on the last line.
        var problems = error.Message.Split('\n').Where(l => l.StartsWith("  - ", StringComparison.Ordinal))
            .Select(l => l.Split(" The model cannot", StringSplitOptions.None)[0]).Distinct().ToList();
        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.Contains(" Fix: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_SecretInArgument_ErrorSaysUseEnvironment()
    {
        var error = await PublishFailsAsync(b =>
        {
            var key = b.AddParameter("api-key", secret: true);
            b.AddProject("worker", AzureModels.Project("Worker")).WithArgs("--key", key.Resource);
        });

        Assert.Contains("Resource 'worker': argument 2 carries a secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithEnvironment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_UdpAndBadAutoscaling_Reported()
    {
        var error = await PublishFailsAsync(b =>
            b.AddContainer("dns", "coredns/coredns", "1.11").WithEndpoint(targetPort: 53, name: "dns", protocol: System.Net.Sockets.ProtocolType.Udp)
                .WithAutoscaling(5, 2));

        Assert.Contains("endpoint 'dns' is UDP", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithAutoscaling(5, 2, 70)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ContainerFiles_ErrorNamesResourceAndPath()
    {
        var error = await PublishFailsAsync(b =>
            b.AddContainer("web", "nginx", "1.27").WithHttpEndpoint(targetPort: 80).WithContainerFiles("/etc/nginx/conf.d", [new ContainerFile { Name = "default.conf", Contents = "server {}" }]));

        Assert.Contains("Resource 'web' places files at '/etc/nginx/conf.d'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Failure_WritesNothingAndKeepsEarlierOutput()
    {
        using var output = new TestDirectory();
        Directory.CreateDirectory(output.Combine(AzurePublish.TargetName, "infra"));
        File.WriteAllText(output.Combine(AzurePublish.TargetName, "infra", "main.bicep"), "earlier");

        await Assert.ThrowsAsync<PublishFailedException>(() => PublishRun.RunAsync(b =>
        {
            b.AddAzureContainerAppEnvironment(AzurePublish.TargetName);
            b.AddProject("api", AzureModels.Project("Api")).WithHttpEndpoint();
            b.AddProject("gpu", AzureModels.Project("Worker")).WithGpu(vendor: "amd");
        }, output.Path, step: "publish-" + AzurePublish.TargetName, configuration: AzurePublish.Isolated(output.Path)));

        Assert.Equal(["main.bicep"], Directory.GetFiles(output.Combine(AzurePublish.TargetName), "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.Equal("earlier", File.ReadAllText(output.Combine(AzurePublish.TargetName, "infra", "main.bicep")));
        Assert.Empty(Directory.GetDirectories(output.Path, ".*"));
    }

    private static async Task<PublishFailedException> PublishFailsAsync(Action<IDistributedApplicationBuilder> model)
    {
        var failure = await Assert.ThrowsAsync<PublishFailedException>(async () =>
        {
            using var publish = await AzurePublish.RunAsync(model);
        });
        return failure;
    }
}
