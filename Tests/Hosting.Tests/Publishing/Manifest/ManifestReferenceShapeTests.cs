using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>The example AppHost of <c>shared/reference/aspire-manifest.md</c> §8.1 must produce that section's manifest byte
/// for byte: it is the Aspire 9.2–9.5 shape azd and aspirate both accept.</summary>
public sealed class ManifestReferenceShapeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("deploy-manifest-ref-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Render_ReferenceExampleAppHost_MatchesAspire95ManifestOfTheReference()
    {
        // The example's api project has a launch profile with an applicationUrl (and, as usual, local-only variables).
        var api = Directory.CreateDirectory(Path.Combine(_root, "MyApp.Api", "Properties")).Parent!.FullName;
        await File.WriteAllTextAsync(Path.Combine(api, "MyApp.Api.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        await File.WriteAllTextAsync(Path.Combine(api, "Properties", "launchSettings.json"), """
            { "profiles": { "https": { "commandName": "Project", "applicationUrl": "https://localhost:7001;http://localhost:5001",
              "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } } } }
            """);
        var appHost = Directory.CreateDirectory(Path.Combine(_root, "MyApp.AppHost")).FullName;
        var builder = new DistributedApplicationBuilder(["--publisher", "manifest"], appHost, "MyApp.AppHost");

        var apiKey = builder.AddParameter("api-key", secret: true);
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var catalog = postgres.AddDatabase("catalogdb");
        var cache = builder.AddRedis("cache");
        builder.AddProject("api", "../MyApp.Api/MyApp.Api.csproj")
            .WithExternalHttpEndpoints()
            .WithReference(catalog).WaitFor(catalog)
            .WithReference(cache).WaitFor(cache)
            .WithEnvironment("ApiKey", apiKey);

        var manifest = await ManifestRendering.RenderAsync(builder, appHost);

        Assert.Equal(ReferenceManifest(), manifest);
    }

    private static string ReferenceManifest()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "reference", "aspire-manifest.md"));
        var section = text.IndexOf("### 8.1 ", StringComparison.Ordinal);
        var start = text.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        // Aspire 9.x hashes the AppHost project name in publish mode; the reference leaves the hash as <hash10>.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("MyApp.AppHost")))[..10];
        return text[start..end].Replace("<hash10>", hash, StringComparison.Ordinal);
    }
}
