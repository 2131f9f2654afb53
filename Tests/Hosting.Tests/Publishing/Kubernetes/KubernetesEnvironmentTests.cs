using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesEnvironmentTests
{
    private const string Resources = "spec.template.spec.containers[0].resources";

    [Fact]
    public async Task Overlays_ForEnvironment_OnlyDeclaredSettingsDiffer()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithExternalHttpEndpoints()
            .WithReplicas(2)
            .ForEnvironment("development", new() { Replicas = 1 })
            .ForEnvironment("production", new() { MinReplicas = 3, MaxReplicas = 12, Cpu = 1, MemoryMiB = 1024, Host = "docs.example.com", ImageTag = "1.4.2" }));

        var rendered = await KustomizeValidation.RenderAndValidateAsync(publish.Directory);

        Assert.Equal("1", YamlQuery.Scalar(publish.Read("overlays/development/kustomization.yaml"), "replicas[0].count"));
        var staging = publish.Read("overlays/staging/kustomization.yaml");
        Assert.Equal("2", YamlQuery.Scalar(staging, "replicas[0].count"));
        Assert.Equal("latest", YamlQuery.Scalar(staging, "images[0].newTag"));
        var production = publish.Read("overlays/production/kustomization.yaml");
        Assert.Null(YamlQuery.Get(production, "replicas"));
        Assert.Equal("1.4.2", YamlQuery.Scalar(production, "images[0].newTag"));
        var hpa = publish.Read("overlays/production/hpa.yaml");
        Assert.Equal("3", YamlQuery.Scalar(hpa, "spec.minReplicas"));
        Assert.Equal("12", YamlQuery.Scalar(hpa, "spec.maxReplicas"));
        Assert.False(publish.Has("overlays/staging/hpa.yaml"), "Only production autoscales.");
        // The autoscaler owns the count there: the base's fixed count is removed.
        Assert.DoesNotContain("replicas: 2", rendered["production"], StringComparison.Ordinal);
        Assert.Contains("replicas: 2", rendered["staging"], StringComparison.Ordinal);
        Assert.Equal("1000m", YamlQuery.Scalar(publish.Read("overlays/production/resources.yaml"), $"{Resources}.limits.cpu"));
        Assert.Equal("1024Mi", YamlQuery.Scalar(publish.Read("overlays/production/resources.yaml"), $"{Resources}.requests.memory"));
        Assert.Equal("100m", YamlQuery.Scalar(publish.Read("overlays/staging/resources.yaml"), $"{Resources}.requests.cpu"));
        Assert.Equal("docs.example.com", YamlQuery.Scalar(publish.Read("overlays/production/ingress.yaml"), "spec.rules[0].host"));
        Assert.Null(YamlQuery.Get(publish.Read("overlays/staging/ingress.yaml"), "spec.rules[0].host"));
    }

    [Fact]
    public async Task Overlays_ModelAutoscales_HpaPatchedPerEnvironmentOrRemovedForFixedCount()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint()
            .WithAutoscaling(2, 10, 60)
            .ForEnvironment("development", new() { Replicas = 1 })
            .ForEnvironment("production", new() { MaxReplicas = 20 }));

        var rendered = await KustomizeValidation.RenderAndValidateAsync(publish.Directory);

        Assert.DoesNotContain("HorizontalPodAutoscaler", rendered["development"], StringComparison.Ordinal);
        Assert.Equal("1", YamlQuery.Scalar(publish.Read("overlays/development/kustomization.yaml"), "replicas[0].count"));
        Assert.Contains("maxReplicas: 20", rendered["production"], StringComparison.Ordinal);
        Assert.Contains("minReplicas: 2", rendered["production"], StringComparison.Ordinal);
        Assert.Contains("maxReplicas: 10", rendered["staging"], StringComparison.Ordinal);
        Assert.False(publish.Has("overlays/staging/scaling.yaml"), "Staging keeps the model's bounds: nothing to patch.");
    }

    [Fact]
    public async Task Ingress_TwoExternalServicesWithRoutes_OneIngressPerOverlayWithBothRules()
    {
        using var publish = await KubernetesPublish.RunAsync(b =>
        {
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithExternalHttpEndpoints().WithRoute("/api/");
            b.AddProject("web", KubernetesModels.Web).WithHttpEndpoint().WithExternalHttpEndpoints();
        }, target: k8s => k8s.WithIngress("nginx"));

        var rendered = await KustomizeValidation.RenderAndValidateAsync(publish.Directory);

        var ingress = publish.Read("overlays/production/ingress.yaml");
        Assert.Equal("/api", YamlQuery.Scalar(ingress, "spec.rules[0].http.paths[0].path"));
        Assert.Equal("api", YamlQuery.Scalar(ingress, "spec.rules[0].http.paths[0].backend.service.name"));
        Assert.Equal("/", YamlQuery.Scalar(ingress, "spec.rules[1].http.paths[0].path"));
        Assert.Equal("web", YamlQuery.Scalar(ingress, "spec.rules[1].http.paths[0].backend.service.name"));
        Assert.Equal("nginx", YamlQuery.Scalar(ingress, "spec.ingressClassName"));
        Assert.All(rendered.Values, r => Assert.Single(r.Split("kind: Ingress\n").Skip(1)));
    }

    [Fact]
    public async Task Publish_CollidingRoutes_NamesBothResourcesInEveryEnvironmentAndWritesNothing()
    {
        using var root = new TestDirectory("deploy-k8s");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunIntoAsync(root.Combine("out"), b =>
        {
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithExternalHttpEndpoints();
            b.AddProject("web", KubernetesModels.Web).WithHttpEndpoint().WithExternalHttpEndpoints();
        }, null, null, appHost));

        Assert.Contains("3 problems", error.Errors[0], StringComparison.Ordinal);
        foreach (var environment in new[] { "development", "staging", "production" })
        {
            Assert.Contains($"Resources 'api' and 'web' are both routed from any host, path '/', in environment '{environment}'",
                error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("Fix: give 'web' a path of its own", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Combine("out", "k8s")), "Nothing is written when the model cannot be published.");
    }

    [Fact]
    public async Task Publish_SameHostInOneEnvironmentOnly_RejectsThatEnvironment()
    {
        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunAsync(b =>
        {
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithExternalHttpEndpoints()
                .ForEnvironment("staging", new() { Host = "docs.example.com" });
            b.AddProject("web", KubernetesModels.Web).WithHttpEndpoint().WithExternalHttpEndpoints()
                .ForEnvironment("staging", new() { Host = "docs.example.com" });
        }, target: k8s => k8s.WithIngress(domain: "example.com")));

        Assert.Contains("1 problem)", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("Resources 'api' and 'web' are both routed from host 'docs.example.com', path '/', in environment 'staging'",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BadEnvironmentNameAndOverrides_EveryProblemNamedAndNothingWritten()
    {
        using var root = new TestDirectory("deploy-k8s");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunIntoAsync(root.Combine("out"), b =>
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint()
                .ForEnvironment("production", new() { MinReplicas = 5, MaxReplicas = 2 }),
            null, k8s => k8s.WithEnvironments("Prod_1", "production"), appHost));

        Assert.Contains("2 problems", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("Environment 'Prod_1' of target 'k8s' is not a DNS label", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'api', ForEnvironment(\"production\"): replicas unset, min 5, max 2", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Combine("out", "k8s")), "Nothing is written when the model cannot be published.");
    }
}
