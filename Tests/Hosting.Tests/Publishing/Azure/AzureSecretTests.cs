using Aspire.Hosting;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureSecretTests
{
    private const string ApiKey = "Known-Api-Key-7f3a9c";
    private const string PostgresPassword = "Known-Pg-Pass-51b2e8";
    private const string RedisPassword = "KnownRedisPass90d4c1";

    private static readonly string[] KnownValues = [ApiKey, PostgresPassword, RedisPassword];

    private static readonly Dictionary<string, string?> KnownConfiguration = new()
    {
        ["Parameters:api-key"] = ApiKey,
        ["Parameters:postgres-password"] = PostgresPassword,
        ["Parameters:cache-password"] = RedisPassword,
    };

    private static void Model(IDistributedApplicationBuilder builder)
    {
        AzureModels.PostgresRedis(builder);
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddProject("worker", AzureModels.Project("Worker")).WithEnvironment("ApiKey", key).WithEnvironment("Mixed", $"key={key}");
    }

    [Theory]
    [InlineData("postgres-redis")]
    [InlineData("managed-services")]
    [InlineData("reference-app")]
    public async Task Publish_KnownSecretValues_AppearInNoOutputFile(string model)
    {
        using var publish = await AzurePublish.RunAsync(b =>
        {
            AzureModels.All[model](b);
            if (model != "reference-app")
                b.AddProject("worker", AzureModels.Project("Worker")).WithEnvironment("ApiKey", b.AddParameter("api-key", secret: true));
        }, KnownConfiguration);

        Assert.True(publish.Files.Count >= 6, $"expected the whole tree, got {publish.Files.Count} files");
        foreach (var file in publish.Files)
        {
            var text = File.ReadAllText(file);
            foreach (var value in KnownValues)
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{file} contains the value of a secret parameter.");
        }
    }

    [Fact]
    public async Task Publish_SecretParameters_SecureEverywhereAndOnlyInSecrets()
    {
        using var publish = await AzurePublish.RunAsync(Model, KnownConfiguration);

        var main = new BicepFile(publish.Read("infra/main.bicep"));
        Assert.Contains("api_key", main.SecureParameters);
        Assert.Contains("postgres_password", main.SecureParameters);
        Assert.Contains("cache_password", main.SecureParameters);
        Assert.False(main.Parameters["api_key"], "a secret parameter must have no default value");
        Assert.False(main.Parameters["postgres_password"], "a generated password must have no default value");
        Assert.Contains("@metadata({ azd: { type: 'generate', config: { length: 22", publish.Read("infra/main.bicep"), StringComparison.Ordinal);
        var worker = publish.Read("infra/apps/worker.bicep");
        Assert.Contains("@secure()\nparam api_key string", worker, StringComparison.Ordinal);
        Assert.Contains("name: 'ApiKey'\n              secretRef: 'apikey'", worker, StringComparison.Ordinal);
        Assert.Contains("name: 'Mixed'\n              secretRef: 'mixed'", worker, StringComparison.Ordinal);
        Assert.DoesNotContain("value: '${api_key}'\n            }\n          ]\n          env", worker, StringComparison.Ordinal);
        Assert.Contains("name: 'POSTGRES_PASSWORD'\n              secretRef: 'postgres-password'", publish.Read("infra/apps/postgres.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PlainParameterWithValue_WrittenAsDefault()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["parameters"], new Dictionary<string, string?> { ["Parameters:api-key"] = ApiKey });

        var main = publish.Read("infra/main.bicep");
        Assert.Contains("param region string = 'westeurope'", main, StringComparison.Ordinal);
        Assert.Contains("@secure()\nparam api_key string\n", main, StringComparison.Ordinal);
        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("value: 'key=${api_key};literal=\\'\\${not-bicep}\\''", api, StringComparison.Ordinal);
        Assert.Contains("name: 'Region'\n              value: '${region}'", api, StringComparison.Ordinal);
    }
}
