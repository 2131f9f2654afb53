using Aspire.Hosting;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>The small models every golden and validator test runs over, on real Aspire resources. Projects are given
/// relative to the AppHost (<c>apps/TestApp</c>), so only relative paths can reach the output.</summary>
public static class KubernetesModels
{
    public const string Api = "../Api/Api.csproj";
    public const string Web = "../Web/Web.csproj";
    public const string Worker = "../Worker/Worker.csproj";

    /// <summary>Writes the sample projects (Aspire reads their launch settings) into <paramref name="apps"/>; returns the
    /// AppHost's directory.</summary>
    public static string WriteProjects(string apps)
    {
        foreach (var project in new[] { Api, Web, Worker })
        {
            var path = Path.GetFullPath(Path.Combine(apps, "TestApp", project));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
        }

        Directory.CreateDirectory(Path.Combine(apps, "TestApp"));
        return Path.Combine(apps, "TestApp");
    }

    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All { get; } =
        new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
        {
            ["project"] = b => b.AddProject("api", Api).WithHttpEndpoint(),
            ["projects-wired"] = b =>
            {
                var api = b.AddProject("api", Api).WithHttpEndpoint().WithReplicas(3);
                b.AddProject("web", Web).WithHttpEndpoint().WithExternalHttpEndpoints().WithReference(api).WaitFor(api);
            },
            ["postgres-redis"] = PostgresRedis,
            ["gpu-worker"] = b => b.AddProject("embedder", Worker).WithGpu(1, sku: "t4").WithResources(2, 4096),
            ["autoscaling"] = b => b.AddProject("api", Api).WithHttpEndpoint().WithAutoscaling(2, 10, 60).WithResources(0.5, 512),
            ["container"] = b => b.AddContainer("mailpit", "axllent/mailpit", "v1.20")
                .WithHttpEndpoint(targetPort: 8025).WithEndpoint(targetPort: 1025, name: "smtp").WithVolume("/scratch")
                .WithExternalHttpEndpoints(),
            ["parameters"] = b =>
            {
                var key = b.AddParameter("api-key", secret: true);
                var region = b.AddParameter("region", "westeurope");
                b.AddProject("api", Api).WithHttpEndpoint()
                    .WithEnvironment("ApiKey", key)
                    .WithEnvironment("Region", region)
                    .WithEnvironment("Mixed", $"key={key};literal=$(not-a-variable)");
            },
        };

    public static IEnumerable<TheoryDataRow<string>> Names => All.Keys.Select(k => new TheoryDataRow<string>(k));

    /// <summary>Postgres with a sized data volume and a database, Redis, and a project that uses both.</summary>
    public static void PostgresRedis(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        foreach (var mount in postgres.Resource.Annotations.OfType<Aspire.Hosting.ApplicationModel.ContainerMountAnnotation>())
            postgres.WithVolumeSize(mount.Target, "5Gi");
        var db = postgres.AddDatabase("docs");
        var cache = builder.AddRedis("cache");
        builder.AddProject("api", Api).WithHttpEndpoint().WithHttpHealthCheck("/ready")
            .WithReference(db).WaitFor(db).WithReference(cache).WaitFor(cache);
    }
}
