using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>Small models → manifest → golden file, each judged by the independent Aspire-schema validator.</summary>
public class ManifestGoldenTests
{
    private static readonly Dictionary<string, Action<DistributedApplicationBuilder>> Models = new()
    {
        ["project-only"] = b => b.AddProject<ApiProject>("api").WithHttpEndpoint(),
        ["postgres-database"] = b =>
        {
            var db = b.AddPostgres("postgres").WithDataVolume().AddDatabase("docs");
            b.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(db).WaitFor(db);
        },
        ["redis"] = b =>
        {
            var cache = b.AddRedis("cache").WithDataVolume();
            b.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(cache).WaitFor(cache);
        },
        ["parameters"] = b =>
        {
            var apiKey = b.AddParameter("api-key", secret: true);
            var region = b.AddParameter("region", "westeurope");
            var token = b.AddParameter("signing-key", new GenerateParameterDefault { MinLength = 32, Special = false, MinNumeric = 2 }, secret: true);
            var legacy = b.AddConnectionString("legacy-db");
            b.AddProject<ApiProject>("api").WithEnvironment("ApiKey", apiKey).WithEnvironment("Region", region)
                .WithEnvironment("SigningKey", token).WithReference(legacy);
        },
        ["external-endpoints"] = b => b.AddProject<ApiProject>("api")
            .WithHttpEndpoint().WithHttpsEndpoint().WithExternalHttpEndpoints()
            .WithHttpEndpoint(port: 9090, name: "admin").WithEndpoint(targetPort: 5005, scheme: "tcp", name: "grpc"),
        ["dockerfile"] = b =>
        {
            b.AddDockerfile("frontend", "../frontend").WithHttpEndpoint(env: "PORT").WithExternalHttpEndpoints();
            b.AddDockerfile("docs", "../docs", "build/docs.Dockerfile", stage: "runtime").WithHttpEndpoint(targetPort: 80);
            b.AddExecutable("scorer", "python", "../scorer", "main.py").PublishAsDockerFile().WithHttpEndpoint(targetPort: 5000, env: "PORT");
            b.AddProject<WorkerProject>("worker").PublishAsDockerFile().WithHttpEndpoint();
        },
        ["project-references"] = b =>
        {
            var api = b.AddProject<ApiProject>("api").WithHttpEndpoint().WithHttpsEndpoint();
            var endpoint = api.GetEndpoint("http");
            b.AddProject<WebProject>("web").WithHttpEndpoint().WithExternalHttpEndpoints().WithReference(api).WaitFor(api)
                .WithEnvironment("API_URL", endpoint)
                .WithEnvironment("API_HOSTPORT", $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}");
        },
        ["gpu-omitted"] = b => b.AddProject<WorkerProject>("embedder").WithGpu(1, sku: "t4").WithReplicas(2),
    };

    public static TheoryData<string> Cases => [.. Models.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Render_SmallModel_MatchesGoldenFile(string name)
    {
        var builder = TestModels.Publish();
        Models[name](builder);

        var manifest = await ManifestRendering.RenderAsync(builder);

        GoldenFiles.AssertMatches(name, manifest);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GoldenFile_IndependentValidator_Passes(string name)
    {
        var result = await CommandRunner.ValidateAsync("validate-manifest.mjs", GoldenFiles.PathOf(name));

        Assert.True(result.ExitCode == 0, $"validate-manifest.mjs rejected {name}.json:\n{result.All}");
    }
}
