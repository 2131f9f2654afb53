using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Deploy.Hosting.Tests.Publishing.Compose.ComposeYamlReader;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>What individual primitives of the real Aspire model become in compose.yaml.</summary>
public sealed class ComposeServiceTests
{
    [Fact]
    public async Task Publish_WithGpuAndResources_ReservesNvidiaDevicesAndLimits()
    {
        var compose = await PublishAsync("gpu-worker");

        var devices = Assert.IsType<YamlSequenceNode>(At(compose, "services.embedder.deploy.resources.reservations.devices"));
        var device = Assert.IsType<YamlMappingNode>(Assert.Single(devices.Children));
        Assert.Equal("nvidia", Scalar(device, "driver"));
        Assert.Equal("2", Scalar(device, "count"));
        Assert.Equal(["gpu"], Strings(device, "capabilities"));
        Assert.Equal("1.5", Scalar(compose, "services.embedder.deploy.resources.limits.cpus"));
        Assert.Equal("2048M", Scalar(compose, "services.embedder.deploy.resources.limits.memory"));
        Assert.Null(At(compose, "services.cache.deploy"));
    }

    [Fact]
    public async Task Publish_Waits_MapToDependsOnConditions()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["jobs-and-waits"], output.Path);
        var compose = Load(published.Files["compose.yaml"]);

        // A database waits in its server's service; the postgres image has a known client, hence a healthcheck.
        Assert.Equal("service_healthy", Scalar(compose, "services.migrate.depends_on.postgres.condition"));
        Assert.Equal("service_completed_successfully", Scalar(compose, "services.api.depends_on.migrate.condition"));
        Assert.Equal("service_started", Scalar(compose, "services.api.depends_on.mail.condition"));
        Assert.Equal("service_healthy", Scalar(compose, "services.web.depends_on.api.condition"));
        Assert.Null(At(compose, "services.api.depends_on.postgres"));
        Assert.Equal("no", Scalar(compose, "services.migrate.restart"));

        // Unquoted, YAML 1.1 readers take no for the boolean false, which Compose rejects as a restart policy.
        Assert.Contains("restart: \"no\"", published.Files["compose.yaml"], StringComparison.Ordinal);
        Assert.Equal("unless-stopped", Scalar(compose, "services.api.restart"));
        Assert.Null(At(compose, "services.mail.healthcheck"));
        Assert.Equal("mail:1025", Scalar(compose, "services.api.environment.Smtp__Host"));
    }

    [Fact]
    public async Task Publish_ProjectHttpHealthCheck_ProbesWithBashInTheGeneratedImage()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["project-only"], output.Path);
        var compose = Load(published.Files["compose.yaml"]);

        var test = Strings(compose, "services.api.healthcheck.test");
        Assert.Equal(["CMD", "bash", "-c"], test.Take(3));
        Assert.Contains("/dev/tcp/127.0.0.1/8080", test[3], StringComparison.Ordinal);
        Assert.Contains("GET /health HTTP/1.1", test[3], StringComparison.Ordinal);
        Assert.Contains("grep -q ' 200 '", test[3], StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:", published.Files["api.Dockerfile"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HealthCheckOnProjectHttpsEndpoint_ProbesItsHttpPortAndDropsHttpsReferences()
    {
        // The reference app's projects get http and https from their launch profile; WithHttpHealthCheck picks https.
        var compose = await PublishAsync("reference-app");

        Assert.Contains("/dev/tcp/127.0.0.1/8080", Strings(compose, "services.web.healthcheck.test")[3], StringComparison.Ordinal);
        Assert.Equal("http://api:8080", Scalar(compose, "services.web.environment.services__api__http__0"));
        Assert.Null(At(compose, "services.web.environment.services__api__https__0"));
        Assert.Equal(["8080:8080"], Strings(compose, "services.api.ports"));
    }

    [Fact]
    public async Task Publish_HttpHealthCheckOnPulledImage_FallsBackToServiceStarted()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(builder =>
        {
            var search = builder.AddContainer("search", "docker.io/library/nginx", "1.27").WithHttpEndpoint(targetPort: 80).WithHttpHealthCheck("/");
            builder.Api().WaitFor(search);
        }, output.Path);
        var compose = Load(published.Files["compose.yaml"]);

        Assert.Null(At(compose, "services.search.healthcheck"));
        Assert.Equal("service_started", Scalar(compose, "services.api.depends_on.search.condition"));
        Assert.Contains("'search' has an HTTP health check but no Compose healthcheck", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Endpoints_PublishOnlyExternalOnesAndResolveReferencesToServiceNames()
    {
        var compose = await PublishAsync("postgres-redis-api");

        Assert.Null(At(compose, "services.postgres.ports"));
        Assert.Null(At(compose, "services.cache.ports"));
        Assert.Equal(["8080-8081:8080"], Strings(compose, "services.api.ports"));
        Assert.Equal(["8082:8080"], Strings(compose, "services.web.ports"));
        Assert.Equal("2", Scalar(compose, "services.api.deploy.replicas"));
        Assert.Equal("http://api:8080", Scalar(compose, "services.web.environment.services__api__http__0"));
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=${POSTGRES_PASSWORD:?see .env.example};Database=docs",
            Scalar(compose, "services.api.environment.ConnectionStrings__docs"));
        Assert.Equal("cache:6379,password=${CACHE_PASSWORD:?see .env.example}", Scalar(compose, "services.api.environment.ConnectionStrings__cache"));
    }

    [Fact]
    public async Task Publish_LiteralDollarSigns_AreEscapedForCompose()
    {
        var compose = await PublishAsync("containers");

        Assert.Equal("$$5", Scalar(compose, "services.proxy.environment.PRICE"));
        Assert.Equal(["-c", "echo $$HOSTNAME && exec nginx -g 'daemon off;'"], Strings(compose, "services.proxy.command"));
        Assert.Equal(["/bin/sh"], Strings(compose, "services.proxy.entrypoint"));
        Assert.Equal(["8080:80"], Strings(compose, "services.proxy.ports"));
    }

    [Fact]
    public async Task Publish_RedisPassword_ReachesTheShellUninterpolated()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(builder => builder.AddRedis("cache").WithDataVolume(), output.Path);
        var compose = Load(published.Files["compose.yaml"]);

        Assert.Equal("${CACHE_PASSWORD:?see .env.example}", Scalar(compose, "services.cache.environment.REDIS_PASSWORD"));
        Assert.Equal(["-c", "redis-server --requirepass $$REDIS_PASSWORD --save 60 1"], Strings(compose, "services.cache.command"));
        Assert.Contains("redis-cli -p 6379 -a \"$$REDIS_PASSWORD\"", string.Join(' ', Strings(compose, "services.cache.healthcheck.test")), StringComparison.Ordinal);
        Assert.StartsWith("docker.io/library/redis:8.", Scalar(compose, "services.cache.image"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PostgresDatabases_AreCreatedByAMountedInitScript()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["postgres-redis-api"], output.Path);
        var compose = Load(published.Files["compose.yaml"]);

        var volumes = Strings(compose, "services.postgres.volumes");
        Assert.Contains("./postgres/docker-entrypoint-initdb.d:/docker-entrypoint-initdb.d:ro", volumes);
        var data = Assert.Single(volumes, v => v.EndsWith("-postgres-data:/var/lib/postgresql", StringComparison.Ordinal));
        var declared = Assert.IsType<YamlMappingNode>(At(compose, "volumes"));
        Assert.Contains(new YamlScalarNode(data.Split(':')[0]), declared.Children.Keys);
        Assert.Contains("CREATE DATABASE \"docs\";", published.Files["postgres/docker-entrypoint-initdb.d/create-databases.sql"], StringComparison.Ordinal);
        Assert.StartsWith("docker.io/library/postgres:18.", Scalar(compose, "services.postgres.image"), StringComparison.Ordinal);
    }

    private static async Task<YamlMappingNode> PublishAsync(string model)
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All[model], output.Path);
        return Load(published.Files["compose.yaml"]);
    }

    private static List<string> Strings(YamlNode root, string path) =>
        Assert.IsType<YamlSequenceNode>(At(root, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
}
