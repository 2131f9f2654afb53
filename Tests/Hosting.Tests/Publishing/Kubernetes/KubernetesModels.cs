using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>The table of small models every golden and validator test runs over.</summary>
public static class KubernetesModels
{
    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All { get; } =
        new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
        {
            ["project"] = b => b.AddProject<ApiProject>("api").WithHttpEndpoint(),
            ["projects-wired"] = b =>
            {
                var api = b.AddProject<ApiProject>("api").WithHttpEndpoint().WithReplicas(3);
                b.AddProject<WebProject>("web").WithHttpEndpoint().WithExternalHttpEndpoints().WithReference(api).WaitFor(api);
            },
            ["postgres-redis"] = PostgresRedis,
            ["gpu-worker"] = b => b.AddProject<WorkerProject>("embedder").WithGpu(1, sku: "t4").WithResources(2, 4096),
            ["autoscaling"] = b => b.AddProject<ApiProject>("api").WithHttpEndpoint().WithAutoscaling(2, 10, 60).WithResources(0.5, 512),
            ["parameters"] = b =>
            {
                var key = b.AddParameter("api-key", secret: true);
                var region = b.AddParameter("region", "westeurope");
                b.AddProject<ApiProject>("api").WithHttpEndpoint()
                    .WithEnvironment("ApiKey", key)
                    .WithEnvironment("Region", region)
                    .WithEnvironment("Mixed", $"key={key};literal=$(not-a-variable)");
            },
            ["container"] = b => b.AddContainer("mailpit", "axllent/mailpit", "v1.20")
                .WithHttpEndpoint(targetPort: 8025).WithEndpoint(targetPort: 1025, name: "smtp").WithVolume("/scratch")
                .WithExternalHttpEndpoints(),
        };

    /// <summary>Postgres with a sized volume and a database, Redis, and a project that uses both.</summary>
    public static void PostgresRedis(IDistributedApplicationBuilder builder)
    {
        var db = builder.AddPostgres("postgres").WithDataVolume(size: "5Gi").AddDatabase("docs");
        var cache = builder.AddRedis("cache");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithHttpHealthCheck("/ready")
            .WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
    }

    public static TheoryData<string> Names => new(All.Keys);
}
