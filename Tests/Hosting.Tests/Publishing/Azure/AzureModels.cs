using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>The table of small models every Azure golden, validator and structure test runs over.</summary>
public static class AzureModels
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
            ["managed-services"] = b =>
            {
                var db = b.AddPostgres("postgres").WithDataVolume().PublishAsAzurePostgresFlexibleServer().AddDatabase("docs");
                var cache = b.AddRedis("cache").PublishAsAzureRedis();
                b.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
            },
            ["gpu-worker"] = b => b.AddProject<WorkerProject>("embedder").WithGpu(1, sku: "t4").WithResources(2, 4096),
            ["gpu-two-skus"] = b =>
            {
                b.AddProject<WorkerProject>("embedder").WithGpu(1, sku: "t4");
                b.AddProject<ApiProject>("trainer").WithGpu(1, sku: "a100").WithAutoscaling(0, 2);
                b.AddProject<WebProject>("reranker").WithGpu();
            },
            ["autoscaling"] = b => b.AddProject<ApiProject>("api").WithHttpEndpoint().WithAutoscaling(2, 10, 60).WithResources(0.5, 512),
            ["parameters"] = b =>
            {
                var key = b.AddParameter("api-key", secret: true);
                var region = b.AddParameter("region", "westeurope");
                b.AddProject<ApiProject>("api").WithHttpEndpoint()
                    .WithEnvironment("ApiKey", key)
                    .WithEnvironment("Region", region)
                    .WithEnvironment("Mixed", $"key={key};literal='${{not-bicep}}'");
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
