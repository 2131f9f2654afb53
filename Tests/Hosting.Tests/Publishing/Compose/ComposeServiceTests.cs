using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Deploy.Hosting.Tests.Publishing.Compose.ComposeYamlReader;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>What individual primitives become in compose.yaml.</summary>
public class ComposeServiceTests
{
    [Fact]
    public async Task Publish_WithGpu_ReservesNvidiaDevices()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["gpu-worker"]());
        var compose = Load(published.Files["compose.yaml"]);

        var devices = Assert.IsType<YamlSequenceNode>(At(compose, "services.embedder.deploy.resources.reservations.devices"));
        var device = Assert.IsType<YamlMappingNode>(Assert.Single(devices.Children));
        Assert.Equal("nvidia", Scalar(device, "driver"));
        Assert.Equal("2", Scalar(device, "count"));
        Assert.Equal(["gpu"], Assert.IsType<YamlSequenceNode>(At(device, "capabilities")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("1.5", Scalar(compose, "services.embedder.deploy.resources.limits.cpus"));
        Assert.Equal("2048M", Scalar(compose, "services.embedder.deploy.resources.limits.memory"));
        Assert.Null(At(compose, "services.cache.deploy"));
    }

    [Fact]
    public async Task Publish_Waits_MapToDependsOnConditions()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["jobs-and-waits"]());
        var compose = Load(published.Files["compose.yaml"]);

        // A database waits in its server's service; its server has a readiness command, hence a healthcheck.
        Assert.Equal("service_healthy", Scalar(compose, "services.migrate.depends_on.postgres.condition"));
        Assert.Equal("service_completed_successfully", Scalar(compose, "services.api.depends_on.migrate.condition"));
        Assert.Equal("service_started", Scalar(compose, "services.api.depends_on.mail.condition"));
        Assert.Equal("service_healthy", Scalar(compose, "services.web.depends_on.api.condition"));
        Assert.Null(At(compose, "services.api.depends_on.postgres"));
        Assert.Equal("no", Scalar(compose, "services.migrate.restart"));
        Assert.Equal("unless-stopped", Scalar(compose, "services.api.restart"));
        Assert.Null(At(compose, "services.mail.healthcheck"));
    }

    [Fact]
    public async Task Publish_ProjectHttpHealthCheck_ProbesWithBashInTheGeneratedImage()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["project-only"]());
        var compose = Load(published.Files["compose.yaml"]);

        var test = Assert.IsType<YamlSequenceNode>(At(compose, "services.api.healthcheck.test")).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(["CMD", "bash", "-c"], test.Take(3));
        Assert.Contains("/dev/tcp/127.0.0.1/8080", test[3], StringComparison.Ordinal);
        Assert.Contains("GET /health HTTP/1.1", test[3], StringComparison.Ordinal);
        Assert.Contains("grep -q ' 200 '", test[3], StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:", published.Files["api.Dockerfile"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HttpHealthCheckOnPulledImage_FallsBackToServiceStarted()
    {
        var builder = TestModels.Publish("compose");
        var search = builder.AddContainer("search", "docker.io/library/nginx", "1.27").WithHttpEndpoint(targetPort: 80).WithHttpHealthCheck("/");
        builder.AddProject<ApiProject>("api").WaitFor(search);

        var published = await ComposeHarness.PublishAsync(builder);
        var compose = Load(published.Files["compose.yaml"]);

        Assert.Null(At(compose, "services.search.healthcheck"));
        Assert.Equal("service_started", Scalar(compose, "services.api.depends_on.search.condition"));
        Assert.Contains("'search' has an HTTP health check but no Compose healthcheck", published.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Endpoints_PublishOnlyExternalOnesAndResolveReferencesToServiceNames()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["postgres-redis-api"]());
        var compose = Load(published.Files["compose.yaml"]);

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
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["containers"]());
        var compose = Load(published.Files["compose.yaml"]);

        Assert.Equal("$$5", Scalar(compose, "services.proxy.environment.PRICE"));
        Assert.Equal(["-c", "echo $$HOSTNAME && exec nginx -g 'daemon off;'"], Strings(compose, "services.proxy.command"));
        Assert.Equal(["/bin/sh"], Strings(compose, "services.proxy.entrypoint"));
        Assert.Equal(["8080:80"], Strings(compose, "services.proxy.ports"));
    }

    [Fact]
    public async Task Publish_RedisPassword_ReachesTheShellUninterpolated()
    {
        var builder = TestModels.Publish("compose");
        builder.AddRedis("cache").WithDataVolume();

        var compose = Load((await ComposeHarness.PublishAsync(builder)).Files["compose.yaml"]);

        Assert.Equal("${CACHE_PASSWORD:?see .env.example}", Scalar(compose, "services.cache.environment.REDIS_PASSWORD"));
        Assert.Equal(["-c", "redis-server --requirepass $$REDIS_PASSWORD --save 60 1"], Strings(compose, "services.cache.command"));
        Assert.Contains("redis-cli -a \"$$REDIS_PASSWORD\"", string.Join(' ', Strings(compose, "services.cache.healthcheck.test")), StringComparison.Ordinal);
        Assert.Equal("docker.io/library/redis:8.2", Scalar(compose, "services.cache.image"));
    }

    [Fact]
    public async Task Publish_PostgresDatabases_AreCreatedByAMountedInitScript()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["postgres-redis-api"]());
        var compose = Load(published.Files["compose.yaml"]);

        var volumes = Strings(compose, "services.postgres.volumes");
        Assert.Contains("./postgres/docker-entrypoint-initdb.d:/docker-entrypoint-initdb.d:ro", volumes);
        Assert.Contains(volumes, v => v.EndsWith("-postgres-data:/var/lib/postgresql/data", StringComparison.Ordinal));
        Assert.Contains("CREATE DATABASE \"docs\";", published.Files["postgres/docker-entrypoint-initdb.d/create-databases.sql"], StringComparison.Ordinal);
        Assert.NotNull(At(compose, "volumes." + volumes.Single(v => v.Contains("-postgres-data:", StringComparison.Ordinal)).Split(':')[0]));
    }

    [Fact]
    public async Task Publish_Environment_WritesOverrideFileWithTheDotnetEnvironment()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["project-only"](), environment: "qa");

        Assert.Equal(["compose.development.yaml", "compose.production.yaml", "compose.qa.yaml", "compose.staging.yaml", "compose.yaml"],
            published.ComposeFiles.Order(StringComparer.Ordinal));
        var qa = Load(published.Files["compose.qa.yaml"]);
        Assert.Equal("qa", Scalar(qa, "services.api.environment.ASPNETCORE_ENVIRONMENT"));
        Assert.Equal("Staging", Scalar(Load(published.Files["compose.staging.yaml"]), "services.api.environment.DOTNET_ENVIRONMENT"));
        Assert.Contains("compose.qa.yaml up", published.Output, StringComparison.Ordinal);
    }

    private static List<string> Strings(YamlNode root, string path) =>
        Assert.IsType<YamlSequenceNode>(At(root, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
}
