using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>The table of small models the golden files cover; each exercises a few primitives. Projects are the
/// reference app's real ones (their Dockerfiles are generated from the real project files), declared without a launch
/// profile so that each model states its endpoints.</summary>
internal static class ComposeTestModels
{
    public static readonly IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All =
        new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
        {
            ["project-only"] = ProjectOnly,
            ["postgres-redis-api"] = PostgresRedisApi,
            ["gpu-worker"] = GpuWorker,
            ["jobs-and-waits"] = JobsAndWaits,
            ["containers"] = Containers,
            ["parameters"] = Parameters,
            ["dockerfiles"] = Dockerfiles,
            ["reference-app"] = ReferenceApp.Declare,
        };

    public static TheoryData<string> Names => new(All.Keys);

    public static IResourceBuilder<ProjectResource> Api(this IDistributedApplicationBuilder builder, string name = "api") =>
        builder.AddProject(name, Path.Combine(ReferenceApp.Samples, "Api", "Api.csproj"), launchProfileName: null);

    public static IResourceBuilder<ProjectResource> Web(this IDistributedApplicationBuilder builder, string name = "web") =>
        builder.AddProject(name, Path.Combine(ReferenceApp.Samples, "Web", "Web.csproj"), launchProfileName: null);

    public static IResourceBuilder<ProjectResource> Worker(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddProject(name, Path.Combine(ReferenceApp.Samples, "GpuWorker", "GpuWorker.csproj"), launchProfileName: null);

    private static void ProjectOnly(IDistributedApplicationBuilder builder) =>
        builder.Api().WithHttpEndpoint().WithHttpHealthCheck("/health").WithExternalHttpEndpoints();

    private static void PostgresRedisApi(IDistributedApplicationBuilder builder)
    {
        var db = builder.AddPostgres("postgres").WithDataVolume().AddDatabase("docs");
        var cache = builder.AddRedis("cache").WithDataVolume();
        var api = builder.Api().WithHttpEndpoint().WithHttpHealthCheck("/health")
            .WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache)
            .WithReplicas(2).WithExternalHttpEndpoints();
        builder.Web().WithHttpEndpoint().WithReference(api).WaitFor(api).WithExternalHttpEndpoints();
    }

    private static void GpuWorker(IDistributedApplicationBuilder builder)
    {
        var cache = builder.AddRedis("cache");
        builder.Worker("embedder").WithGpu(2).WithResources(1.5, 2048).WithReference(cache).WaitFor(cache);
    }

    private static void JobsAndWaits(IDistributedApplicationBuilder builder)
    {
        var db = builder.AddPostgres("postgres").AddDatabase("docs");
        var migrate = builder.Worker("migrate").WithReference(db).WaitFor(db);
        var mail = builder.AddContainer("mail", "docker.io/axllent/mailpit", "v1.21").WithEndpoint(targetPort: 1025, name: "smtp");
        var api = builder.Api().WithHttpEndpoint().WithHttpHealthCheck("/health")
            .WithReference(db).WaitForCompletion(migrate).WaitFor(mail)
            .WithEnvironment("Smtp__Host", ReferenceExpression.Create($"{mail.GetEndpoint("smtp").Property(EndpointProperty.HostAndPort)}"));
        builder.Web().WithHttpEndpoint().WithReference(api).WaitFor(api).WithExternalHttpEndpoints();
    }

    private static void Containers(IDistributedApplicationBuilder builder) =>
        builder.AddContainer("proxy", "nginx", "1.27-alpine")
            .WithEndpoint(port: 8080, targetPort: 80, scheme: "http", name: "http", isExternal: true)
            .WithBindMount("nginx.conf", "/etc/nginx/nginx.conf", isReadOnly: true)
            .WithVolume("proxy-cache", "/var/cache/nginx")
            .WithVolume("/tmp/scratch")
            .WithEntrypoint("/bin/sh")
            .WithArgs("-c", "echo $HOSTNAME && exec nginx -g 'daemon off;'")
            .WithEnvironment("PRICE", "$5")
            .WithResources(0.25, 128);

    private static void Parameters(IDistributedApplicationBuilder builder)
    {
        var apiKey = builder.AddParameter("api-key", secret: true);
        var level = builder.AddParameter("log-level", "Information", publishValueAsDefault: true);
        var external = builder.AddConnectionString("legacy-db");
        builder.Api().WithHttpEndpoint()
            .WithEnvironment("ApiKey", apiKey).WithEnvironment("Logging__LogLevel__Default", level)
            .WithEnvironment("Greeting", ReferenceExpression.Create($"level {level} for key {apiKey}"))
            .WithReference(external);
    }

    private static void Dockerfiles(IDistributedApplicationBuilder builder)
    {
        var frontend = builder.AddExecutable("frontend", "npm", "Samples/frontend", "run", "start").WithHttpEndpoint(targetPort: 3000, env: "PORT")
            .PublishAsDockerFile();
        var version = builder.AddParameter("renderer-version", "1.4.2", publishValueAsDefault: true);
        var npmToken = builder.AddParameter("npm-token", secret: true);
        builder.AddDockerfile("renderer", "Samples/renderer", stage: "runtime").WithHttpEndpoint(targetPort: 3000).WithExternalHttpEndpoints()
            .WithBuildArg("NODE_ENV", "production").WithBuildArg("VERSION", version).WithBuildSecret("npm-token", npmToken)
            .WithReference(frontend.GetEndpoint("http"));
    }
}
