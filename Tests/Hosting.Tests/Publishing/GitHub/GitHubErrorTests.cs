using Aspire.Hosting;
using Deploy.Hosting.Tests.Publishing.Compose;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>Models the workflows cannot be written for fail with every problem at once, naming the resource and the fix,
/// and nothing is written.</summary>
public sealed class GitHubErrorTests
{
    [Fact]
    public async Task Publish_NoDeployTarget_NamesTheFixAndWritesNothing()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => GitHubPublish.RunAsync(b => b.Api(), output.Path));

        Assert.Contains("GitHub Actions target 'github' (1 problem); nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'github': The model declares no deploy target", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: Add one beside it: AddKubernetesEnvironment(\"k8s\")", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Publish_BadNamesAndOutsideBuild_ListsEveryProblemAndWritesNothing()
    {
        using var output = new TestDirectory();
        using var outside = new TestDirectory("deploy-outside");

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => GitHubPublish.RunAsync(b =>
        {
            b.AddKubernetesEnvironment("k8s");
            var key = b.AddParameter("github-token", secret: true);
            b.AddDockerfile("tool", outside.Path).WithEnvironment("Token", key);
        }, output.Path, new Dictionary<string, string?> { ["Parameters:registry"] = "https://Registry.example.com", ["Deploy:GitHub:AppHostProject"] = outside.Path },
            (b, github) => github.WithRegistry(b.AddParameter("registry")).WithEnvironments("staging", "prod env", "Staging")));

        Assert.Contains("(8 problems); nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'github': Environment 'prod env' is not a valid name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'github': Environment 'staging' is listed twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'registry': The registry 'https://Registry.example.com' is not an image registry prefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'github-token': Its GitHub secret would be named GITHUB_TOKEN, which GitHub rejects", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Resource 'tool': Its image builds from '{outside.Path}', outside the repository", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'k8s': It writes no files for GitHub environment 'prod env', which workflow 'github' deploys to.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: Add it to the overlays of 'k8s'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Resource 'github': No AppHost project file was found in '{outside.Path}'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Publish_EnvironmentTheComposeTargetLacks_NamesTargetAndFix()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => GitHubPublish.RunAsync(b =>
        {
            b.AddDockerComposeEnvironment("compose").WithEnvironments("Staging", "Production");
            b.Api();
        }, output.Path, target: (_, github) => github.WithEnvironments("staging", "qa", "production")));

        Assert.Contains("(1 problem); nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'compose': It writes no files for GitHub environment 'qa'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: Add it to the environments of 'compose'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }

    [Fact]
    public async Task Publish_RegistryNamedLikeGitHubOwn_IsRejectedWithFix()
    {
        using var output = new TestDirectory();

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => GitHubPublish.RunAsync(b =>
        {
            b.AddDockerComposeEnvironment("compose");
            b.Api();
        }, output.Path, target: (b, github) => github.WithRegistry(b.AddParameter("github-registry"))));

        Assert.Contains("Resource 'github-registry': Its GitHub variable would be named GITHUB_REGISTRY, which GitHub rejects", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: Rename the parameter.", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output.Path));
    }
}
