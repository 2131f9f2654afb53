using Aspire.Hosting;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Small models every container-target publisher (Kubernetes, Azure) is tested over; each target's table adds
/// the models only it cares about.</summary>
public static class PublishModels
{
    public static IEnumerable<KeyValuePair<string, Action<IDistributedApplicationBuilder>>> Common { get; } =
        new Dictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
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

    /// <summary>A parameter table entry: a secret and a plain parameter, and a value mixing a secret with literal text
    /// that the target's own substitution syntax must leave alone.</summary>
    public static Action<IDistributedApplicationBuilder> Parameters(string literal) => b =>
    {
        var key = b.AddParameter("api-key", secret: true);
        var region = b.AddParameter("region", "westeurope");
        b.AddProject<ApiProject>("api").WithHttpEndpoint()
            .WithEnvironment("ApiKey", key)
            .WithEnvironment("Region", region)
            .WithEnvironment("Mixed", $"key={key};literal={literal}");
    };

    /// <summary>A sorted table: the common models plus <paramref name="extra"/>.</summary>
    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> Table(
        params (string Name, Action<IDistributedApplicationBuilder> Model)[] extra)
    {
        var table = new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(Common.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, model) in extra)
            table[name] = model;
        return table;
    }
}
