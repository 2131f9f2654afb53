using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>The table of small models every Azure golden, validator and structure test runs over (the old engine's
/// publisher models, on Aspire's resources), plus the reference application.</summary>
public static class AzureModels
{
    /// <summary>A fixture project beside these tests (Aspire needs the file; publishing reads only its name and references).</summary>
    public static string Project(string name) => Path.Combine(RepoPaths.SourceDirectory(), "Fixtures", name, name + ".csproj");

    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All { get; } =
        new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
        {
            ["project"] = b => b.AddProject("api", Project("Api")).WithHttpEndpoint(),
            ["projects-wired"] = b =>
            {
                var api = b.AddProject("api", Project("Api")).WithHttpEndpoint().WithReplicas(3);
                b.AddProject("web", Project("Web")).WithHttpEndpoint().WithExternalHttpEndpoints().WithReference(api).WaitFor(api);
            },
            ["postgres-redis"] = PostgresRedis,
            ["gpu-worker"] = b => b.AddProject("embedder", Project("Worker")).WithGpu(1, sku: "t4").WithResources(2, 4096),
            ["autoscaling"] = b => b.AddProject("api", Project("Api")).WithHttpEndpoint().WithAutoscaling(2, 10, 60).WithResources(0.5, 512),
            ["container"] = b => b.AddContainer("mailpit", "axllent/mailpit", "v1.20")
                .WithHttpEndpoint(targetPort: 8025).WithEndpoint(targetPort: 1025, name: "smtp").WithVolume("/scratch")
                .WithExternalHttpEndpoints(),
            ["managed-services"] = b =>
            {
                var db = b.AddPostgres("postgres").WithDataVolume().PublishAsAzurePostgresFlexibleServer().AddDatabase("docs");
                var cache = b.AddRedis("cache").PublishAsAzureRedis();
                b.AddProject("api", Project("Api")).WithHttpEndpoint().WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
            },
            ["gpu-two-skus"] = b =>
            {
                b.AddProject("embedder", Project("Worker")).WithGpu(1, sku: "t4");
                b.AddProject("trainer", Project("Api")).WithGpu(1, sku: "a100").WithAutoscaling(0, 2);
                b.AddProject("reranker", Project("Web")).WithGpu();
            },
            ["parameters"] = b =>
            {
                var key = b.AddParameter("api-key", secret: true);
                var region = b.AddParameter("region", "westeurope", publishValueAsDefault: true);
                b.AddProject("api", Project("Api")).WithHttpEndpoint()
                    .WithEnvironment("ApiKey", key)
                    .WithEnvironment("Region", region)
                    .WithEnvironment("Mixed", $"key={key};literal='${{not-bicep}}'");
            },
            ["dockerfile"] = b =>
            {
                b.AddDockerfile("tool", Path.Combine(RepoPaths.SourceDirectory(), "Fixtures", "Tool"), stage: "final")
                    .WithHttpEndpoint(targetPort: 9000).WithArgs("--listen", ":9000");
                b.AddExecutable("script", "python3", Path.Combine(RepoPaths.SourceDirectory(), "Fixtures", "Tool"), "serve.py")
                    .PublishAsDockerFile();
            },
            ["reference-app"] = ReferenceApp.Declare,
        };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>Postgres with a sized data volume and a database, Redis, and a project that uses both.</summary>
    public static void PostgresRedis(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var data = postgres.Resource.Annotations.OfType<ContainerMountAnnotation>().Single().Target;
        var db = postgres.WithVolumeSize(data, "5Gi").AddDatabase("docs");
        var cache = builder.AddRedis("cache");
        builder.AddProject("api", Project("Api")).WithHttpEndpoint().WithHttpHealthCheck("/ready")
            .WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
    }
}
