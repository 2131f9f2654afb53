using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>The registry is written when the AppHost knows it; otherwise the workflows still come out, reading it from
/// a GitHub variable the publish names.</summary>
public sealed class GitHubRegistryTests
{
    [Fact]
    public async Task Publish_RegistryWithoutValue_WritesWorkflowsReadingVariableAndWarns()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.All["k8s-project"], output.Path, target: GitHubPublish.WithRegistryParameter);

        Assert.Contains("REGISTRY: ${{ vars.REGISTRY }}", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("the registry has no value, so the workflows read it from the GitHub variable REGISTRY", published.Log, StringComparison.Ordinal);
        Assert.Contains("variable REGISTRY: the image registry", published.Log, StringComparison.Ordinal);
        await GitHubPublish.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_NoRegistryDeclared_ReadsDefaultVariableAndWarns()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.All["compose-dockerfile"], output.Path);

        Assert.Contains("REGISTRY: ${{ vars.REGISTRY }}", published.Files["deploy-compose.yml"], StringComparison.Ordinal);
        Assert.Contains("GitHub variable REGISTRY", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RegistryWithValue_WritesItAndLogsInWithItsCredentials()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.All["compose-dockerfile"], output.Path,
            new Dictionary<string, string?> { ["Parameters:registry"] = "registry.example.com/team" }, GitHubPublish.WithRegistryParameter);

        var workflow = published.Files["deploy-compose.yml"];
        Assert.Contains("REGISTRY: registry.example.com/team", workflow, StringComparison.Ordinal);
        Assert.Contains("registry: registry.example.com\n", workflow, StringComparison.Ordinal);
        Assert.Contains("password: ${{ secrets.REGISTRY_PASSWORD }}", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("packages: write", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("has no value", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AzureOnly_NeedsNoRegistryAndDoesNotWarn()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.All["aca-postgres"], output.Path, target: GitHubPublish.WithRegistryParameter);

        Assert.DoesNotContain("REGISTRY", published.Files["deploy-aca.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain("has no value", published.Log, StringComparison.Ordinal);
    }
}
