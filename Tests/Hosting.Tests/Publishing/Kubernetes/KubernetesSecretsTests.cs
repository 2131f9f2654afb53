using Aspire.Hosting;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesSecretsTests
{
    private const string ApiKey = "Known-Api-Key-7f3a9c";
    private const string PostgresPassword = "Known-Pg-Pass-51b2e8";
    private const string RedisPassword = "KnownRedisPass90d4c1";

    private static readonly string[] KnownValues = [ApiKey, PostgresPassword, RedisPassword];

    private static Dictionary<string, string?> KnownConfiguration() => new()
    {
        ["Parameters:api-key"] = ApiKey,
        ["Parameters:postgres-password"] = PostgresPassword,
        ["Parameters:cache-password"] = RedisPassword,
    };

    private static Dictionary<string, string?> Fill(params (string Key, string Value)[] extra)
    {
        var configuration = new Dictionary<string, string?> { ["Deploy:Kubernetes:FillSecrets"] = "true" };
        foreach (var (key, value) in extra)
            configuration[key] = value;
        return configuration;
    }

    private static void Model(IDistributedApplicationBuilder builder)
    {
        KubernetesModels.PostgresRedis(builder);
        var key = builder.AddParameter("api-key", secret: true);
        builder.AddProject("worker", KubernetesModels.Worker).WithEnvironment("ApiKey", key).WithArgs("--key", key.Resource);
    }

    [Fact]
    public async Task Publish_KnownParameterValues_AppearInNoOutputFile()
    {
        using var publish = await KubernetesPublish.RunAsync(Model, KnownConfiguration());

        var files = Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var value in KnownValues)
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{file} contains the value of a secret parameter.");
        }

        Assert.DoesNotContain(KnownValues, publish.Output.Contains);
        Assert.False(publish.Has("overlays/production/parameters.env"), "Without FillSecrets no secret env file is written.");
    }

    [Fact]
    public async Task Publish_SecretArgument_PassedThroughKubernetesVariableExpansion()
    {
        using var publish = await KubernetesPublish.RunAsync(Model, KnownConfiguration());

        var deployment = publish.Read("base/worker/deployment.yaml");
        Assert.Equal("$(DEPLOY_SECRET_API_KEY)", YamlQuery.Scalar(deployment, "spec.template.spec.containers[0].args[1]"));
        Assert.Equal("DEPLOY_SECRET_API_KEY", YamlQuery.Scalar(deployment, "spec.template.spec.containers[0].env[0].name"));
        Assert.Equal("api-key", YamlQuery.Scalar(deployment, "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key"));
    }

    [Fact]
    public async Task Publish_ExampleAndGitIgnore_ListEveryParameterWithoutValues()
    {
        using var publish = await KubernetesPublish.RunAsync(Model, KnownConfiguration());

        var example = publish.Read("overlays/staging/parameters.env.example");
        Assert.Contains("\napi-key=\n", example, StringComparison.Ordinal);
        Assert.Contains("\ncache-password=\n", example, StringComparison.Ordinal);
        Assert.Contains("\npostgres-password=\n", example, StringComparison.Ordinal);
        var ignored = publish.Read(".gitignore").Split('\n');
        Assert.Contains("overlays/development/parameters.env", ignored);
        Assert.Contains("overlays/production/parameters.env", ignored);
        Assert.Contains("overlays/staging/parameters.env", ignored);
        Assert.Contains("- parameters.env", publish.Read("overlays/staging/kustomization.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PlainParameterWithValue_InConfigMapNotSecret()
    {
        using var publish = await KubernetesPublish.RunAsync(b =>
        {
            var region = b.AddParameter("region");
            var key = b.AddParameter("api-key", secret: true);
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithEnvironment("Region", region).WithEnvironment("ApiKey", key);
        }, new Dictionary<string, string?> { ["Parameters:region"] = "northeurope", ["Parameters:api-key"] = ApiKey });

        Assert.Contains("- Region=northeurope", publish.Read("base/api/kustomization.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain("region=", publish.Read("overlays/production/parameters.env.example"), StringComparison.Ordinal);
        Assert.Contains("\napi-key=\n", publish.Read("overlays/production/parameters.env.example"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FillSecrets_GeneratedAndConfigured_OnlyInGitIgnoredEnvFiles()
    {
        using var publish = await KubernetesPublish.RunAsync(Model, Fill(("Parameters:api-key", ApiKey)));

        var passwords = new List<string>();
        foreach (var environment in new[] { "development", "staging", "production" })
        {
            var path = Path.Combine(publish.Directory, "overlays", environment, "parameters.env");
            var values = ReadEnv(path);
            Assert.Equal(ApiKey, values["api-key"]);
            Assert.True(values["postgres-password"].Length >= 22, "A generated password has at least 22 characters.");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            passwords.Add(values["postgres-password"]);
        }

        Assert.Equal(3, passwords.Distinct().Count());
        foreach (var file in Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("/parameters.env", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(passwords.Append(ApiKey), text.Contains);
        }

        Assert.Contains("Secrets were filled", publish.Output, StringComparison.Ordinal);
        await KustomizeValidation.RenderAndValidateAsync(publish.Directory);
    }

    [Fact]
    public async Task FillSecrets_Republish_KeepsExistingValues()
    {
        using var publish = await KubernetesPublish.RunAsync(Model, Fill());
        var path = Path.Combine(publish.Directory, "overlays", "production", "parameters.env");
        var before = ReadEnv(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("api-key=\n", "api-key=set-by-hand\n", StringComparison.Ordinal));

        await publish.RepublishAsync(Model, Fill());

        var after = ReadEnv(path);
        Assert.Equal(before["postgres-password"], after["postgres-password"]);
        Assert.Equal("set-by-hand", after["api-key"]);
    }

    private static Dictionary<string, string> ReadEnv(string path) => File.ReadAllLines(path)
        .Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
        .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
}
