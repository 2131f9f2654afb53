using Aspire.Hosting;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesTargetOptionsTests
{
    [Fact]
    public async Task WithIngressAndCertManager_ExternalEndpoint_HostClassAndTls()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["projects-wired"],
            target: k8s => k8s.WithIngress("nginx", "example.com").WithCertManager("letsencrypt"));

        Assert.Contains("- services__api__http__0=http://api:8080", publish.Read("base/web/kustomization.yaml"), StringComparison.Ordinal);
        var ingress = publish.Read("overlays/production/ingress.yaml");
        Assert.Equal("web.example.com", YamlQuery.Scalar(ingress, "spec.rules[0].host"));
        Assert.Equal("web", YamlQuery.Scalar(ingress, "spec.rules[0].http.paths[0].backend.service.name"));
        Assert.Equal("nginx", YamlQuery.Scalar(ingress, "spec.ingressClassName"));
        Assert.Equal("letsencrypt", YamlQuery.Scalar(ingress, "metadata.annotations.'cert-manager.io/cluster-issuer'"));
        Assert.Equal("web.example.com", YamlQuery.Scalar(ingress, "spec.tls[0].hosts[0]"));
        Assert.Equal("k8s-tls", YamlQuery.Scalar(ingress, "spec.tls[0].secretName"));
        Assert.Null(YamlQuery.Get(ingress, "spec.rules[1]"));
        Assert.Equal("web.staging.example.com", YamlQuery.Scalar(publish.Read("overlays/staging/ingress.yaml"), "spec.rules[0].host"));
        Assert.False(publish.Has("base/web/ingress.yaml"), "The Ingress is the overlay's, one for all services.");
    }

    [Fact]
    public async Task Configuration_IngressDomain_OverridesValueInCode()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["projects-wired"],
            new Dictionary<string, string?> { ["Deploy:Kubernetes:IngressDomain"] = "prod.example.org" },
            target: k8s => k8s.WithIngress(domain: "example.com"));

        Assert.Equal("web.prod.example.org", YamlQuery.Scalar(publish.Read("overlays/production/ingress.yaml"), "spec.rules[0].host"));
    }

    [Fact]
    public async Task WithImageRegistry_BuiltImagesMovePulledImagesKeepTheirs()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis,
            target: k8s => k8s.WithImageRegistry("registry.example.com/team", "1.4.2"));

        var overlay = publish.Read("overlays/staging/kustomization.yaml");
        Assert.Equal("api", YamlQuery.Scalar(overlay, "images[0].name"));
        Assert.Equal("registry.example.com/team/api", YamlQuery.Scalar(overlay, "images[0].newName"));
        Assert.Equal("1.4.2", YamlQuery.Scalar(overlay, "images[0].newTag"));
        Assert.Contains("newName: docker.io/library/postgres\n", overlay, StringComparison.Ordinal);
        Assert.Contains("docker push registry.example.com/team/api:1.4.2", publish.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("kustomize edit set image", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithEnvironmentsAndNamespace_OnlyThoseOverlaysInTheirNamespaces()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["project"],
            target: k8s => k8s.WithEnvironments("dev", "prod").WithNamespace("shop"));

        Assert.Equal(["dev", "prod"], Directory.GetDirectories(Path.Combine(publish.Directory, "overlays")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("shop-prod", YamlQuery.Scalar(publish.Read("overlays/prod/kustomization.yaml"), "namespace"));
        Assert.Equal("shop", YamlQuery.Scalar(publish.Read("base/api/deployment.yaml"), "metadata.labels.'app.kubernetes.io/part-of'"));
        Assert.Contains($"kubectl apply -k {publish.Directory}/overlays/prod", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithStorage_ClaimsUseClassAndDefaultSize()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddContainer("db", "postgres", "18.3").WithVolume("pgdata", "/var/lib/postgresql")
            .WithEndpoint(targetPort: 5432, name: "tcp"), target: k8s => k8s.WithStorage("fast-ssd", "20Gi"));

        var statefulSet = publish.Read("base/db/statefulset.yaml");
        Assert.Equal("fast-ssd", YamlQuery.Scalar(statefulSet, "spec.volumeClaimTemplates[0].spec.storageClassName"));
        Assert.Equal("20Gi", YamlQuery.Scalar(statefulSet, "spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
    }

    [Fact]
    public async Task Security_Project_NonRootReadOnlyNoEscalation()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["project"]);

        var api = publish.Read("base/api/deployment.yaml");
        const string container = "spec.template.spec.containers[0]";
        Assert.Equal("true", YamlQuery.Scalar(api, "spec.template.spec.securityContext.runAsNonRoot"));
        Assert.Equal("1654", YamlQuery.Scalar(api, "spec.template.spec.securityContext.runAsUser"));
        Assert.Equal("false", YamlQuery.Scalar(api, $"{container}.securityContext.allowPrivilegeEscalation"));
        Assert.Equal("true", YamlQuery.Scalar(api, $"{container}.securityContext.readOnlyRootFilesystem"));
        Assert.Equal("/tmp", YamlQuery.Scalar(api, $"{container}.volumeMounts[0].mountPath"));
    }
}
