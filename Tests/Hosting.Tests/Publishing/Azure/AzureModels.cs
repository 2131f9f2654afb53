using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>The table of small models every Azure golden, validator and structure test runs over.</summary>
public static class AzureModels
{
    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All { get; } = PublishModels.Table(
        ("managed-services", b =>
        {
            var db = b.AddPostgres("postgres").WithDataVolume().PublishAsAzurePostgresFlexibleServer().AddDatabase("docs");
            var cache = b.AddRedis("cache").PublishAsAzureRedis();
            b.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
        }),
        ("gpu-two-skus", b =>
        {
            b.AddProject<WorkerProject>("embedder").WithGpu(1, sku: "t4");
            b.AddProject<ApiProject>("trainer").WithGpu(1, sku: "a100").WithAutoscaling(0, 2);
            b.AddProject<WebProject>("reranker").WithGpu();
        }),
        ("parameters", PublishModels.Parameters("'${not-bicep}'")));

    /// <summary>Postgres with a sized volume and a database, Redis, and a project that uses both.</summary>
    public static void PostgresRedis(IDistributedApplicationBuilder builder) => PublishModels.PostgresRedis(builder);

    public static TheoryData<string> Names => new(All.Keys);
}
