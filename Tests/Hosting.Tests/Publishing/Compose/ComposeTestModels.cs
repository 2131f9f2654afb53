using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>The table of small models the golden files cover; each exercises a few primitives.</summary>
internal static class ComposeTestModels
{
    public static readonly IReadOnlyDictionary<string, Func<DistributedApplicationBuilder>> All = new SortedDictionary<string, Func<DistributedApplicationBuilder>>(StringComparer.Ordinal)
    {
        ["project-only"] = ProjectOnly,
        ["postgres-redis-api"] = PostgresRedisApi,
        ["gpu-worker"] = GpuWorker,
        ["jobs-and-waits"] = JobsAndWaits,
        ["containers"] = Containers,
        ["parameters"] = Parameters,
        ["dockerfiles"] = Dockerfiles,
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static DistributedApplicationBuilder ProjectOnly()
    {
        var builder = TestModels.Publish("compose");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithHttpHealthCheck("/health").WithExternalHttpEndpoints();
        return builder;
    }

    private static DistributedApplicationBuilder PostgresRedisApi()
    {
        var builder = TestModels.Publish("compose");
        var db = builder.AddPostgres("postgres").WithDataVolume().AddDatabase("docs");
        var cache = builder.AddRedis("cache").WithDataVolume();
        var api = builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithHttpHealthCheck("/health")
            .WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache)
            .WithReplicas(2).WithExternalHttpEndpoints();
        builder.AddProject<WebProject>("web").WithHttpEndpoint().WithReference(api).WaitFor(api).WithExternalHttpEndpoints();
        return builder;
    }

    private static DistributedApplicationBuilder GpuWorker()
    {
        var builder = TestModels.Publish("compose");
        var cache = builder.AddRedis("cache");
        builder.AddProject<WorkerProject>("embedder").WithGpu(2).WithResources(1.5, 2048).WithReference(cache).WaitFor(cache);
        return builder;
    }

    private static DistributedApplicationBuilder JobsAndWaits()
    {
        var builder = TestModels.Publish("compose");
        var db = builder.AddPostgres("postgres").AddDatabase("docs");
        var migrate = builder.AddProject<WorkerProject>("migrate").WithReference(db).WaitFor(db);
        var mail = builder.AddContainer("mail", "docker.io/axllent/mailpit", "v1.21").WithEndpoint(targetPort: 1025, name: "smtp");
        var api = builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithHttpHealthCheck("/health")
            .WithReference(db).WaitForCompletion(migrate).WaitFor(mail)
            .WithEnvironment("Smtp__Host", $"{mail.GetEndpoint("smtp").Property(EndpointProperty.HostAndPort)}");
        builder.AddProject<WebProject>("web").WithHttpEndpoint().WithReference(api).WaitFor(api).WithExternalHttpEndpoints();
        return builder;
    }

    private static DistributedApplicationBuilder Containers()
    {
        var builder = TestModels.Publish("compose");
        builder.AddContainer("proxy", "nginx:1.27-alpine")
            .WithEndpoint(port: 8080, targetPort: 80, scheme: "http", name: "http", isExternal: true)
            .WithBindMount("nginx.conf", "/etc/nginx/nginx.conf", isReadOnly: true)
            .WithVolume("proxy-cache", "/var/cache/nginx")
            .WithVolume("/tmp/scratch")
            .WithEntrypoint("/bin/sh")
            .WithArgs("-c", "echo $HOSTNAME && exec nginx -g 'daemon off;'")
            .WithEnvironment("PRICE", "$5")
            .WithResources(0.25, 128);
        return builder;
    }

    private static DistributedApplicationBuilder Parameters()
    {
        var builder = TestModels.Publish("compose");
        var apiKey = builder.AddParameter("api-key", secret: true);
        var level = builder.AddParameter("log-level", "Information");
        var external = builder.AddConnectionString("legacy-db");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint()
            .WithEnvironment("ApiKey", apiKey).WithEnvironment("Logging__LogLevel__Default", level)
            .WithEnvironment("Greeting", $"level {level} for key {apiKey}")
            .WithReference(external);
        return builder;
    }

    private static DistributedApplicationBuilder Dockerfiles()
    {
        var builder = TestModels.Publish("compose");
        var frontend = builder.AddExecutable("frontend", "npm", "../frontend", "run", "start").WithHttpEndpoint(env: "PORT").PublishAsDockerFile();
        builder.AddDockerfile("renderer", "../renderer", stage: "runtime").WithHttpEndpoint(targetPort: 3000).WithExternalHttpEndpoints()
            .WithReference(frontend.GetEndpoint("http"));
        return builder;
    }
}
