using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public class KubernetesWorkloadTests
{
    private const string Container = "spec.template.spec.containers[0]";

    [Fact]
    public async Task Gpu_WithGpu_LimitNodeSelectorTolerationAndRecreate()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["gpu-worker"]);

        var deployment = publish.Read("base/embedder/deployment.yaml");
        Assert.Equal("1", YamlQuery.Scalar(deployment, $"{Container}.resources.limits.'nvidia.com/gpu'"));
        Assert.Equal("true", YamlQuery.Scalar(deployment, "spec.template.spec.nodeSelector.'nvidia.com/gpu.present'"));
        Assert.Equal("nvidia.com/gpu", YamlQuery.Scalar(deployment, "spec.template.spec.tolerations[0].key"));
        Assert.Equal("NoSchedule", YamlQuery.Scalar(deployment, "spec.template.spec.tolerations[0].effect"));
        Assert.Equal("Recreate", YamlQuery.Scalar(deployment, "spec.strategy.type"));
        Assert.Equal("2000m", YamlQuery.Scalar(deployment, $"{Container}.resources.requests.cpu"));
        Assert.Equal("4096Mi", YamlQuery.Scalar(deployment, $"{Container}.resources.limits.memory"));
    }

    [Fact]
    public async Task Gpu_ConfiguredSelectorAndTaint_ReplaceDefaults()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["gpu-worker"],
            "--Publish:Kubernetes:GpuNodeSelector=agentpool=gpunp", "--Publish:Kubernetes:GpuTolerationKey=sku");

        var deployment = publish.Read("base/embedder/deployment.yaml");
        Assert.Equal("gpunp", YamlQuery.Scalar(deployment, "spec.template.spec.nodeSelector.agentpool"));
        Assert.Null(YamlQuery.Get(deployment, "spec.template.spec.nodeSelector.'nvidia.com/gpu.present'"));
        Assert.Equal("sku", YamlQuery.Scalar(deployment, "spec.template.spec.tolerations[0].key"));
    }

    [Fact]
    public async Task Probes_ServerContainers_ReadinessCommandsAndTcpLiveness()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        var postgres = publish.Read("base/postgres/statefulset.yaml");
        Assert.StartsWith("pg_isready", YamlQuery.Scalar(postgres, $"{Container}.readinessProbe.exec.command[2]"), StringComparison.Ordinal);
        Assert.Equal("tcp", YamlQuery.Scalar(postgres, $"{Container}.livenessProbe.tcpSocket.port"));
        var redis = publish.Read("base/cache/deployment.yaml");
        Assert.Contains("redis-cli", YamlQuery.Scalar(redis, $"{Container}.readinessProbe.exec.command[2]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probes_ProjectWithoutServiceDefaults_HealthCheckPathAndTcpLiveness()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("/ready", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("HTTP", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.scheme"));
        Assert.Equal("http", YamlQuery.Scalar(api, $"{Container}.livenessProbe.tcpSocket.port"));
    }

    [Fact]
    public async Task Probes_ProjectWithServiceDefaults_HealthAndAlive()
    {
        var repository = KubernetesPublish.NewDirectory();
        try
        {
            Directory.CreateDirectory(Path.Combine(repository, "Api"));
            Directory.CreateDirectory(Path.Combine(repository, "Defaults"));
            File.WriteAllText(Path.Combine(repository, "Api", "Api.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Defaults/Defaults.csproj\" /></ItemGroup></Project>");
            File.WriteAllText(Path.Combine(repository, "Defaults", "Defaults.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsAspireSharedProject>true</IsAspireSharedProject></PropertyGroup></Project>");

            using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", Path.Combine(repository, "Api", "Api.csproj")).WithHttpEndpoint());

            var api = publish.Read("base/api/deployment.yaml");
            Assert.Equal("/health", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.path"));
            Assert.Equal("/alive", YamlQuery.Scalar(api, $"{Container}.livenessProbe.httpGet.path"));
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [Fact]
    public async Task Autoscaling_WithAutoscaling_HpaPdbAndNoFixedReplicas()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["autoscaling"]);

        var hpa = publish.Read("base/api/hpa.yaml");
        Assert.Equal("2", YamlQuery.Scalar(hpa, "spec.minReplicas"));
        Assert.Equal("10", YamlQuery.Scalar(hpa, "spec.maxReplicas"));
        Assert.Equal("60", YamlQuery.Scalar(hpa, "spec.metrics[0].resource.target.averageUtilization"));
        Assert.Null(YamlQuery.Get(publish.Read("base/api/deployment.yaml"), "spec.replicas"));
        Assert.Equal("1", YamlQuery.Scalar(publish.Read("base/api/pdb.yaml"), "spec.maxUnavailable"));
        Assert.Null(YamlQuery.Get(publish.Read("overlays/production/kustomization.yaml"), "replicas"));
    }

    [Fact]
    public async Task Replicas_ThreeReplicas_PdbAndPerOverlayCounts()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["projects-wired"]);

        Assert.True(publish.Has("base/api/pdb.yaml"));
        Assert.False(publish.Has("base/web/pdb.yaml"), "One replica needs no disruption budget.");
        Assert.Equal("3", YamlQuery.Scalar(publish.Read("base/api/deployment.yaml"), "spec.replicas"));
        Assert.Equal("1", YamlQuery.Scalar(publish.Read("overlays/development/kustomization.yaml"), "replicas[0].count"));
        Assert.Equal("3", YamlQuery.Scalar(publish.Read("overlays/production/kustomization.yaml"), "replicas[0].count"));
    }

    [Fact]
    public async Task References_ProjectToProject_InClusterUrlAndIngressForExternal()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["projects-wired"],
            "--Publish:Kubernetes:IngressDomain=example.com", "--Publish:Kubernetes:IngressClusterIssuer=letsencrypt", "--Publish:Kubernetes:IngressClassName=nginx");

        Assert.Contains("- services__api__http__0=http://api:8080", publish.Read("base/web/kustomization.yaml"), StringComparison.Ordinal);
        var ingress = publish.Read("base/web/ingress.yaml");
        Assert.Equal("web.example.com", YamlQuery.Scalar(ingress, "spec.rules[0].host"));
        Assert.Equal("nginx", YamlQuery.Scalar(ingress, "spec.ingressClassName"));
        Assert.Equal("letsencrypt", YamlQuery.Scalar(ingress, "metadata.annotations.'cert-manager.io/cluster-issuer'"));
        Assert.Equal("web-tls", YamlQuery.Scalar(ingress, "spec.tls[0].secretName"));
        Assert.False(publish.Has("base/api/ingress.yaml"), "Only external endpoints get an Ingress.");
    }

    [Fact]
    public async Task Security_Project_NonRootReadOnlyNoEscalation()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["project"]);

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("true", YamlQuery.Scalar(api, "spec.template.spec.securityContext.runAsNonRoot"));
        Assert.Equal("1654", YamlQuery.Scalar(api, "spec.template.spec.securityContext.runAsUser"));
        Assert.Equal("false", YamlQuery.Scalar(api, $"{Container}.securityContext.allowPrivilegeEscalation"));
        Assert.Equal("true", YamlQuery.Scalar(api, $"{Container}.securityContext.readOnlyRootFilesystem"));
        Assert.Equal("/tmp", YamlQuery.Scalar(api, $"{Container}.volumeMounts[0].mountPath"));
        Assert.Equal("api", YamlQuery.Scalar(api, "metadata.labels.'app.kubernetes.io/name'"));
    }

    [Fact]
    public async Task Dockerfile_ExecutableAndDockerfileContainer_BuiltFromTheirOwnDockerfiles()
    {
        using var publish = await KubernetesPublish.RunAsync(b =>
        {
            b.AddExecutable("tool", "python3", "../tool", "app.py").WithHttpEndpoint(targetPort: 5000).PublishAsDockerFile();
            b.AddDockerfile("gateway", "../gateway", stage: "runtime").WithHttpEndpoint(targetPort: 8000);
        });

        Assert.Equal("tool", YamlQuery.Scalar(publish.Read("base/tool/deployment.yaml"), $"{Container}.image"));
        Assert.Equal("gateway", YamlQuery.Scalar(publish.Read("overlays/production/kustomization.yaml"), "images[0].name"));
        Assert.Contains("docker build -f /apps/tool/Dockerfile -t <registry>/tool:<tag> /apps/tool", publish.Output, StringComparison.Ordinal);
        Assert.Contains("docker build -f /apps/gateway/Dockerfile --target runtime -t <registry>/gateway:<tag> /apps/gateway", publish.Output, StringComparison.Ordinal);
        Assert.False(publish.Has("images/tool.Dockerfile"), "Only projects get a generated Dockerfile.");
    }
}
