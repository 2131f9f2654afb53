using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>No secret value reaches any written file or the log; .env.example lists every value to provide, secrets empty.</summary>
public sealed class ComposeSecretTests
{
    private const string ApiKey = "sk-live-7f3a9c1e5b";
    private const string PostgresPassword = "pg-Secret-4411-zz";
    private const string CachePassword = "redisSecret9931qq";
    private const string LegacyPassword = "legacyPw-5521";

    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Parameters:api-key"] = ApiKey,
        ["Parameters:postgres-password"] = PostgresPassword,
        ["Parameters:cache-password"] = CachePassword,
        ["ConnectionStrings:legacy-db"] = $"Host=legacy.internal;Password={LegacyPassword}",
    };

    [Fact]
    public async Task Publish_SecretsSetInConfiguration_AppearInNoWrittenFileNorTheLog()
    {
        using var output = new TestDirectory();

        var published = await ComposePublish.RunAsync(builder =>
        {
            ReferenceApp.Declare(builder);
            var legacy = builder.AddConnectionString("legacy-db");
            builder.Api("reporting").WithHttpEndpoint().WithReference(legacy);
        }, output.Path, Secrets);

        Assert.Contains("compose.yaml", published.Files.Keys);
        foreach (var file in Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories))
        {
            var contents = File.ReadAllText(file);
            foreach (var secret in new[] { ApiKey, PostgresPassword, CachePassword, LegacyPassword })
                Assert.False(contents.Contains(secret, StringComparison.Ordinal), $"{file} contains a secret value.");
        }

        foreach (var secret in new[] { ApiKey, PostgresPassword, CachePassword, LegacyPassword })
            Assert.DoesNotContain(secret, published.Log, StringComparison.Ordinal);
        var env = published.Files[".env.example"].Split('\n');
        Assert.Equal(["API_KEY=", "CACHE_PASSWORD=", "LEGACY_DB=", "POSTGRES_PASSWORD="], env.Where(l => l.Length > 0 && !l.StartsWith('#')));
        Assert.Contains("POSTGRES_PASSWORD", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_GeneratedPassword_IsARequiredEnvEntryNotTheLocalValue()
    {
        using var output = new TestDirectory();

        var published = await ComposePublish.RunAsync(builder => builder.AddPostgres("postgres"), output.Path);

        Assert.Contains("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?see .env.example}", published.Files["compose.yaml"], StringComparison.Ordinal);
        Assert.Contains("\nPOSTGRES_PASSWORD=\n", published.Files[".env.example"], StringComparison.Ordinal);
        Assert.Contains("Run mode generates this one", published.Files[".env.example"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PlainParameter_WritesItsValueToEnvExampleOnly()
    {
        using var output = new TestDirectory();

        var published = await ComposePublish.RunAsync(ComposeTestModels.All["parameters"], output.Path);

        var env = published.Files[".env.example"];
        Assert.Contains("\nLOG_LEVEL=Information\n", env, StringComparison.Ordinal);
        Assert.Contains("\nAPI_KEY=\n", env, StringComparison.Ordinal);
        Assert.DoesNotContain("Information", published.Files["compose.yaml"], StringComparison.Ordinal);
        Assert.Contains("API_KEY", published.Log, StringComparison.Ordinal);
    }
}
