using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>Every model of the table publishes to exactly its golden workflows, deterministically, and every workflow
/// passes GitHub's own parser.</summary>
public sealed class GitHubGoldenTests
{
    private const string Regenerate = "Run the GitHub tests with DEPLOY_UPDATE_GOLDEN=1 and review the diff.";

    public static TheoryData<string> Models => GitHubTestModels.Names;

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Publish_TableModel_MatchesGoldenAndPassesValidator(string name)
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.All[name], output.Path,
            configuration: name == "k8s-project" ? new Dictionary<string, string?> { ["Parameters:registry"] = "ghcr.io/acme" } : null,
            target: GitHubPublish.WithRegistryParameter);

        GoldenText.AssertTextMatches(Path.Combine(RepoPaths.SourceDirectory(), "Golden"), name, GoldenText.RenderTree(published.WorkflowsDirectory), Regenerate);
        await GitHubPublish.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_ReferenceApp_WritesOneWorkflowPerTarget()
    {
        using var output = new TestDirectory();

        var published = await GitHubPublish.RunAsync(GitHubTestModels.ReferenceAppWithTargets, output.Path, target: GitHubPublish.WithRegistryParameter);

        Assert.Equal(["deploy-aca.yml", "deploy-compose.yml", "deploy-k8s.yml"], published.Files.Keys);
        Assert.Contains("--step publish-k8s", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("\"--Deploy:Kubernetes:ImageTag=$GITHUB_SHA\"", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("kubectl rollout undo", published.Files["deploy-k8s.yml"], StringComparison.Ordinal);
        Assert.Contains("docker compose -f compose.yaml -f compose.production.yaml pull", published.Files["deploy-compose.yml"], StringComparison.Ordinal);
        Assert.Contains("API_IMAGE \"$REGISTRY/api:$GITHUB_SHA\"", published.Files["deploy-compose.yml"], StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", published.Files["deploy-aca.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain("docker push", published.Files["deploy-aca.yml"], StringComparison.Ordinal);
        Assert.Contains("give 'production' required reviewers", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SameModelTwice_WritesIdenticalBytes()
    {
        using var output = new TestDirectory();

        var first = await GitHubPublish.RunAsync(GitHubTestModels.ReferenceAppWithTargets, output.Path, target: GitHubPublish.WithRegistryParameter);
        var second = await GitHubPublish.RunAsync(GitHubTestModels.ReferenceAppWithTargets, output.Path, target: GitHubPublish.WithRegistryParameter);

        Assert.NotEmpty(first.Files);
        Assert.Equal(first.Files, second.Files);
    }
}
