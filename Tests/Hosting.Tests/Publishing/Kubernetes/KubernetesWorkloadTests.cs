using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesWorkloadTests
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
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["gpu-worker"], new Dictionary<string, string?>
        {
            ["Deploy:Kubernetes:GpuNodeSelector"] = "agentpool=gpunp",
            ["Deploy:Kubernetes:GpuTolerationKey"] = "sku",
        });

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
    public async Task Postgres_AddDatabase_InitScriptMountedAndClaimSized()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        Assert.Contains("CREATE DATABASE \"docs\";", publish.Read("base/postgres/files/initdb/create-databases.sql"), StringComparison.Ordinal);
        var postgres = publish.Read("base/postgres/statefulset.yaml");
        Assert.Equal("/docker-entrypoint-initdb.d", YamlQuery.Scalar(postgres, $"{Container}.volumeMounts[1].mountPath"));
        Assert.Equal("5Gi", YamlQuery.Scalar(postgres, "spec.volumeClaimTemplates[0].spec.resources.requests.storage"));
        Assert.Equal("None", YamlQuery.Scalar(publish.Read("base/postgres/service.yaml"), "spec.clusterIP"));
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
        using var repository = new TestDirectory("deploy-k8s-repo");
        Directory.CreateDirectory(repository.Combine("Api"));
        Directory.CreateDirectory(repository.Combine("Defaults"));
        File.WriteAllText(repository.Combine("Api", "Api.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><ItemGroup><ProjectReference Include=\"../Defaults/Defaults.csproj\" /></ItemGroup></Project>");
        File.WriteAllText(repository.Combine("Defaults", "Defaults.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsAspireSharedProject>true</IsAspireSharedProject></PropertyGroup></Project>");

        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", repository.Combine("Api", "Api.csproj")).WithHttpEndpoint());

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("/health", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("/alive", YamlQuery.Scalar(api, $"{Container}.livenessProbe.httpGet.path"));
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
    public async Task Replicas_ThreeReplicas_PdbAndSameCountInEveryOverlay()
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All["projects-wired"]);

        Assert.True(publish.Has("base/api/pdb.yaml"));
        Assert.False(publish.Has("base/web/pdb.yaml"), "One replica needs no disruption budget.");
        Assert.Equal("3", YamlQuery.Scalar(publish.Read("base/api/deployment.yaml"), "spec.replicas"));
        // No implicit "development runs one": only what the model declares per environment differs.
        Assert.Equal("3", YamlQuery.Scalar(publish.Read("overlays/development/kustomization.yaml"), "replicas[0].count"));
        Assert.Equal("3", YamlQuery.Scalar(publish.Read("overlays/production/kustomization.yaml"), "replicas[0].count"));
    }

    [Fact]
    public async Task WaitForCompletion_OneShotProject_JobWithoutServiceOrReplicas()
    {
        using var publish = await KubernetesPublish.RunAsync(b =>
        {
            var migrate = b.AddProject("migrate", KubernetesModels.Worker);
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WaitForCompletion(migrate);
        });

        var job = publish.Read("base/migrate/job.yaml");
        Assert.Equal("Job", YamlQuery.Scalar(job, "kind"));
        Assert.Equal("OnFailure", YamlQuery.Scalar(job, "spec.template.spec.restartPolicy"));
        Assert.False(publish.Has("base/migrate/deployment.yaml"));
        Assert.Equal("Job", YamlQuery.Scalar(publish.Read("overlays/production/resources.yaml"), "kind", document: 1));
        Assert.DoesNotContain("name: migrate\n    count", publish.Read("overlays/production/kustomization.yaml"), StringComparison.Ordinal);
        Assert.Contains("Note: migrate runs as a Job named migrate-<hash", publish.Output, StringComparison.Ordinal);
        Assert.Contains("api start only after it succeeded", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dockerfile_ExecutableAndDockerfileContainer_BuiltFromTheirOwnDockerfiles()
    {
        using var publish = await KubernetesPublish.RunAsync(b =>
        {
            Directory.CreateDirectory(Path.Combine(b.AppHostDirectory, "..", "tool"));
            Directory.CreateDirectory(Path.Combine(b.AppHostDirectory, "..", "gateway"));
            b.AddExecutable("tool", "python3", "../tool", "app.py").WithHttpEndpoint(targetPort: 5000).PublishAsDockerFile();
            b.AddDockerfile("gateway", "../gateway", stage: "runtime").WithHttpEndpoint(targetPort: 8000);
        });

        Assert.Equal("tool", YamlQuery.Scalar(publish.Read("base/tool/deployment.yaml"), $"{Container}.image"));
        Assert.Equal("gateway", YamlQuery.Scalar(publish.Read("overlays/production/kustomization.yaml"), "images[0].name"));
        var tool = Path.Combine(publish.Apps, "tool");
        var gateway = Path.Combine(publish.Apps, "gateway");
        Assert.Contains($"docker build -f {tool}/Dockerfile -t <registry>/tool:<tag> {tool}", publish.Output, StringComparison.Ordinal);
        Assert.Contains($"docker build -f {gateway}/Dockerfile --target runtime -t <registry>/gateway:<tag> {gateway}", publish.Output, StringComparison.Ordinal);
        Assert.False(publish.Has("images/tool.Dockerfile"), "Only projects get a generated Dockerfile.");
    }

    [Fact]
    public async Task ContainerFiles_NotCarriedOver_NextStepsSayWhereAndWhatToDo()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddContainer("site", "nginx", "1.29").WithHttpEndpoint(targetPort: 80)
            .WithContainerFiles("/usr/share/nginx/html", [new ContainerFile { Name = "index.html", Contents = "<h1>hi</h1>" }]));

        Assert.Contains("Note: site copies files into its container at /usr/share/nginx/html (WithContainerFiles)", publish.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1>hi</h1>", GoldenTree.Render(publish.Directory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_WithCreationScript_ScriptReplacesDefaultStatement()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddPostgres("postgres")
            .AddDatabase("docs").WithCreationScript("CREATE DATABASE \"docs\" WITH ENCODING 'UTF8';"));

        var script = publish.Read("base/postgres/files/initdb/create-databases.sql");
        Assert.Contains("CREATE DATABASE \"docs\" WITH ENCODING 'UTF8';\n", script, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE DATABASE \"docs\";", script, StringComparison.Ordinal);
    }
}
