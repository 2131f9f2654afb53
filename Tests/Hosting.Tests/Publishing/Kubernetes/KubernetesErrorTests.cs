using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesErrorTests
{
    [Fact]
    public async Task Publish_UnpublishableModel_ListsEveryProblemAndWritesNothing()
    {
        using var root = new TestDirectory("deploy-k8s");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunIntoAsync(root.Combine("out"), b =>
        {
            b.AddExecutable("tool", "python3", ".", "app.py");
            b.AddResource(new ContainerResource("bare"));
            b.AddContainer("site", "nginx").WithBindMount("./site", "/usr/share/nginx/html");
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithAutoscaling(5, 2);
            b.AddContainer("db", "postgres").WithVolume("pgdata", "/data").WithVolumeSize("/data", "lots");
        }, null, null, appHost));

        Assert.Contains("5 problems", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'tool' is an executable ('python3') without a Dockerfile", error.Message, StringComparison.Ordinal);
        Assert.Contains("call PublishAsDockerFile()", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'bare' is a container without an image. Fix: call WithImage", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'site' bind-mounts the host directory", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api' has WithAutoscaling(5, 2, 70)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'db' asks for volume size 'lots'", error.Message, StringComparison.Ordinal);
        // The pipeline logs the failure several times over; each report lists every problem once.
        Assert.Equal(5, error.Errors[0].Split('\n').Count(l => l.Contains("Fix:", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(root.Combine("out", "k8s")), "Nothing is written when the model cannot be published.");
    }

    [Fact]
    public async Task Publish_ContainerEndpointWithoutPort_NamesEndpointAndFix()
    {
        var error = await Assert.ThrowsAsync<PublishFailedException>(() =>
            KubernetesPublish.RunAsync(b => b.AddContainer("web", "nginx").WithHttpEndpoint()));

        Assert.Contains("Resource 'web': endpoint 'http' has no target port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: declare it with WithEndpoint(targetPort:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InvalidEnvironmentName_SuggestsValidOne()
    {
        var error = await Assert.ThrowsAsync<PublishFailedException>(() =>
            KubernetesPublish.RunAsync(KubernetesModels.All["project"], new Dictionary<string, string?> { ["environment"] = "QA_Env" }));

        Assert.Contains("Environment 'QA_Env' of target 'k8s' is not a DNS label", error.Message, StringComparison.Ordinal);
        Assert.Contains("(e.g. 'qa-env')", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 problem)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CustomEnvironment_AddsOverlayWithItsNamespaceAndUsesItInNextSteps()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["project"], new Dictionary<string, string?> { ["environment"] = "qa" });

        Assert.Equal("k8s-qa", YamlQuery.Scalar(publish.Read("overlays/qa/kustomization.yaml"), "namespace"));
        Assert.True(publish.Has("overlays/production/kustomization.yaml"), "The default overlays are still written.");
        Assert.Contains($"kubectl apply -k {publish.Directory}/overlays/qa", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NextSteps_BuildSetImagesSecretsApplyInOrder()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        var output = publish.Output;
        var build = output.IndexOf($"docker build -f {publish.Directory}/images/api.Dockerfile -t <registry>/api:<tag>", StringComparison.Ordinal);
        var images = output.IndexOf("kustomize edit set image api=<registry>/api:<tag>", StringComparison.Ordinal);
        var secrets = output.IndexOf($"cp {publish.Directory}/overlays/production/parameters.env.example", StringComparison.Ordinal);
        var apply = output.IndexOf($"kubectl apply -k {publish.Directory}/overlays/production", StringComparison.Ordinal);
        Assert.True(build >= 0 && build < images && images < secrets && secrets < apply, output);
        Assert.Contains("postgres-password: a generated password", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_InvalidTargetSettings_NameSettingAndFix()
    {
        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunAsync(KubernetesModels.All["project"],
            new Dictionary<string, string?> { ["Deploy:Kubernetes:GpuNodeSelector"] = "gpu" },
            target: k8s => k8s.WithCertManager("letsencrypt").WithStorage(null, "big")));

        Assert.Contains("3 problems", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("cert-manager issuer 'letsencrypt' needs an ingress domain", error.Message, StringComparison.Ordinal);
        Assert.Contains("GPU node selector 'gpu' is not 'key=value'", error.Message, StringComparison.Ordinal);
        Assert.Contains("default storage size 'big' is not a Kubernetes quantity", error.Message, StringComparison.Ordinal);
    }
}
