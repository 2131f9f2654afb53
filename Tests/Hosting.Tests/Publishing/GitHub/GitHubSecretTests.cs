using Aspire.Hosting;
using Deploy.Hosting.Tests.Publishing.Compose;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>Workflows read every secret from GitHub by name; no value known to the AppHost reaches a file or the log.</summary>
public sealed class GitHubSecretTests
{
    private static readonly Dictionary<string, string?> KnownValues = new()
    {
        ["Parameters:api-key"] = "api-key-value-7f3a91",
        ["Parameters:postgres-password"] = "pg-password-value-c2d4e8",
        ["Parameters:cache-password"] = "cache-password-value-0b5f17",
    };

    [Fact]
    public async Task Publish_ConfiguredSecretValues_WritesNamesNeverValues()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.ReferenceAppWithTargets, output.Path, KnownValues, GitHubPublish.WithRegistryParameter);

        foreach (var value in KnownValues.Values)
        {
            Assert.DoesNotContain(value!, published.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(value!, published.Log, StringComparison.Ordinal);
        }

        foreach (var secret in new[] { "API_KEY", "POSTGRES_PASSWORD", "CACHE_PASSWORD" })
        {
            foreach (var (file, text) in published.Files)
                Assert.True(text.Contains($"${{{{ secrets.{secret} }}}}", StringComparison.Ordinal), $"{file} does not read secret {secret}.");
        }
    }

    [Fact]
    public async Task Publish_GeneratedPassword_ComesFromSecretSoItStaysStable()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(b => GitHubTestModels.All["aca-postgres"](b), output.Path);

        Assert.Contains("azd env set AZURE_POSTGRES_PASSWORD \"$POSTGRES_PASSWORD\"", published.Files["deploy-aca.yml"], StringComparison.Ordinal);
        Assert.Contains("secret POSTGRES_PASSWORD: parameter 'postgres-password' (generated in run mode", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SecretRegistryWithValue_ReadsTheSecretNotTheValue()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(b => GitHubTestModels.All["k8s-project"](b), output.Path,
            new Dictionary<string, string?> { ["Parameters:image-registry"] = "registry.example.com/private-team" },
            (b, github) => github.WithRegistry(b.AddParameter("image-registry", secret: true)));

        Assert.DoesNotContain("registry.example.com", published.AllText + published.Log, StringComparison.Ordinal);
        Assert.Contains("REGISTRY: ${{ secrets.IMAGE_REGISTRY }}", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("GitHub secret IMAGE_REGISTRY", published.Log, StringComparison.Ordinal);
        await GitHubPublish.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_NonSecretParameterWithoutValue_ReadsGitHubVariable()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(b =>
        {
            b.AddDockerComposeEnvironment("compose");
            b.AddKubernetesEnvironment("k8s");
            var region = b.AddParameter("region");
            var level = b.AddParameter("log-level", "Information");
            b.Api().WithEnvironment("Region", region).WithEnvironment("LogLevel", level);
        }, output.Path);

        Assert.Contains("REGION: ${{ vars.REGION }}", published.Files["deploy-compose.yml"], StringComparison.Ordinal);
        Assert.Contains("printf '%s=%s\\n' 'region' \"$REGION\"", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("grep -Ev '^(#|$|REGION=|API_IMAGE=)' .env.example", published.Files["deploy-compose.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain("LOG_LEVEL", published.AllText, StringComparison.Ordinal);
        Assert.Contains("variable REGION: parameter 'region' (not secret, but the AppHost's configuration has no value for it)", published.Log, StringComparison.Ordinal);
        await GitHubPublish.AssertValidAsync(published);
    }
}
