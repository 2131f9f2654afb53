using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public class AzureSecretTests
{
    private const string ApiKey = "Known-Api-Key-7f3a9c";
    private const string PostgresPassword = "Known-Pg-Pass-51b2e8";
    private const string RedisPassword = "KnownRedisPass90d4c1";

    private static readonly string[] KnownValues = [ApiKey, PostgresPassword, RedisPassword];

    private static readonly string[] KnownArgs =
        [$"--Parameters:api-key={ApiKey}", $"--Parameters:postgres-password={PostgresPassword}", $"--Parameters:cache-password={RedisPassword}"];

    private static void Model(IDistributedApplicationBuilder builder)
    {
        AzureModels.PostgresRedis(builder);
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddProject<WorkerProject>("worker").WithEnvironment("ApiKey", key);
    }

    [Fact]
    public async Task Publish_KnownSecretValues_AppearInNoOutputFileNorOutput()
    {
        using var publish = await AzurePublish.RunAsync(Model, KnownArgs);

        var files = Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories);
        Assert.True(files.Length >= 8, $"expected the whole tree, got {files.Length} files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var value in KnownValues)
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{file} contains the value of a secret parameter.");
        }

        Assert.DoesNotContain(KnownValues, publish.Output.Contains);
    }

    [Fact]
    public async Task Publish_SecretParameters_SecureEverywhereAndOnlyInSecrets()
    {
        using var publish = await AzurePublish.RunAsync(Model, KnownArgs);

        var main = new BicepFile(publish.Read("infra/main.bicep"));
        Assert.Contains("api_key", main.SecureParameters);
        Assert.Contains("postgres_password", main.SecureParameters);
        Assert.False(main.Parameters["api_key"], "a secret parameter must have no default value");
        var worker = publish.Read("infra/apps/worker.bicep");
        Assert.Contains("@secure()\nparam api_key string", worker, StringComparison.Ordinal);
        Assert.Contains("name: 'ApiKey'\n              secretRef: 'apikey'", worker, StringComparison.Ordinal);
        Assert.Contains("api-key: azd env set AZURE_API_KEY <value>", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PlainParameterWithValue_WrittenAsDefault()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["parameters"]);

        var main = publish.Read("infra/main.bicep");
        Assert.Contains("param region string = 'westeurope'", main, StringComparison.Ordinal);
        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("value: 'key=${api_key};literal=\\'\\${not-bicep}\\''", api, StringComparison.Ordinal);
        Assert.Contains("name: 'Region'\n              value: '${region}'", api, StringComparison.Ordinal);
    }
}
