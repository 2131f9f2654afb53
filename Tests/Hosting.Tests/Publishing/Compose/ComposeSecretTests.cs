using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>No secret value reaches any written file; .env.example lists every value to provide, secrets empty.</summary>
public class ComposeSecretTests
{
    private const string ApiKey = "sk-live-7f3a9c1e5b";
    private const string PostgresPassword = "pg-Secret-4411-zz";
    private const string CachePassword = "redisSecret9931qq";
    private const string LegacyConnection = "Host=legacy.internal;Password=legacyPw-5521";

    [Fact]
    public async Task Publish_SecretsSetInConfiguration_AppearInNoWrittenFile()
    {
        var builder = TestModels.Publish("compose");
        builder.Configuration["Parameters:api-key"] = ApiKey;
        builder.Configuration["Parameters:postgres-password"] = PostgresPassword;
        builder.Configuration["Parameters:cache-password"] = CachePassword;
        builder.Configuration["ConnectionStrings:legacy-db"] = LegacyConnection;
        var apiKey = builder.AddParameter("api-key", secret: true);
        var db = builder.AddPostgres("postgres").AddDatabase("docs");
        var cache = builder.AddRedis("cache");
        var legacy = builder.AddConnectionString("legacy-db");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithEnvironment("ApiKey", apiKey)
            .WithReference(db).WithReference(cache).WithReference(legacy);

        var published = await ComposeHarness.PublishAsync(builder);

        Assert.Equal(PostgresPassword, builder.ImplicitResources.OfType<Aspire.Hosting.ApplicationModel.ParameterResource>().First().ConfiguredValue);
        Assert.NotEmpty(published.Files);
        foreach (var (path, contents) in published.Files)
        {
            foreach (var secret in new[] { ApiKey, PostgresPassword, CachePassword, "legacyPw-5521" })
                Assert.False(contents.Contains(secret, StringComparison.Ordinal), $"{path} contains a secret value.");
        }

        Assert.DoesNotContain(ApiKey, published.Output, StringComparison.Ordinal);
        var env = published.Files[".env.example"].Split('\n');
        Assert.Equal(["API_KEY=", "CACHE_PASSWORD=", "LEGACY_DB=", "POSTGRES_PASSWORD="], env.Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    [Fact]
    public async Task Publish_PlainParameter_WritesItsValueToEnvExampleOnly()
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All["parameters"]());

        var env = published.Files[".env.example"];
        Assert.Contains("\nLOG_LEVEL=Information\n", env, StringComparison.Ordinal);
        Assert.Contains("\nAPI_KEY=\n", env, StringComparison.Ordinal);
        Assert.DoesNotContain("Information", published.Files["compose.yaml"], StringComparison.Ordinal);
        Assert.Contains("API_KEY", published.Output, StringComparison.Ordinal);
    }
}
