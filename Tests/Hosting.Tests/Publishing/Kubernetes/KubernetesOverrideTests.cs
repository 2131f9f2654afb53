using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>ForEnvironment values reach one overlay only, and the shared model
/// rules reject what no environment can run.</summary>
public sealed class KubernetesOverrideTests
{
    [Fact]
    public async Task Publish_ForEnvironment_OverlayTakesReplicasSizeAndImageTag()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint()
            .WithResources(0.5, 256)
            .ForEnvironment("production", new() { Replicas = 4, Cpu = 2, MemoryMiB = 2048, ImageTag = "v1.2.3" }));

        var production = publish.Read("overlays/production/kustomization.yaml");
        var staging = publish.Read("overlays/staging/kustomization.yaml");
        Assert.Contains("  - name: api\n    count: 4\n", production, StringComparison.Ordinal);
        Assert.Contains("  - name: api\n    newName: api\n    newTag: v1.2.3\n", production, StringComparison.Ordinal);
        Assert.Contains("  - name: api\n    count: 1\n", staging, StringComparison.Ordinal);
        Assert.DoesNotContain("v1.2.3", staging, StringComparison.Ordinal);
        Assert.Contains("memory: 2048Mi", publish.Read("overlays/production/resources.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain("2048Mi", publish.Read("overlays/staging/resources.yaml"), StringComparison.Ordinal);
        Assert.Equal(3, (await KustomizeValidation.RenderAndValidateAsync(publish.Directory)).Count);
    }

    [Fact]
    public async Task Publish_OneShotWithReplicasAndUnknownEnvironment_ListsBothAndWritesNothing()
    {
        using var root = new TestDirectory("deploy-k8s");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunIntoAsync(root.Combine("out"), b =>
        {
            var migrations = b.AddProject("migrations", KubernetesModels.Worker).WithReplicas(2);
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WaitForCompletion(migrations)
                .ForEnvironment("prod", new() { Replicas = 3 });
        }, null, null, appHost));

        Assert.Contains("Resource 'migrations' is awaited with WaitForCompletion, so it runs once to completion, but it also has replicas", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api', ForEnvironment(\"prod\"): target 'k8s' publishes no environment 'prod' (it has development, staging, production)", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Combine("out", "k8s")), "Nothing is written when the model cannot be published.");
    }
}
