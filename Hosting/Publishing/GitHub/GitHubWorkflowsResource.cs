using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>A CI/CD target (<c>AddGitHubWorkflows</c>): publishing writes <c>&lt;output-path&gt;/&lt;name&gt;/.github/workflows/</c>,
/// one workflow per deploy target in the model, each testing, publishing that target's artifacts from the commit, pushing
/// the images and deploying to every environment in order.</summary>
/// <remarks>The workflows publish the artifacts in CI rather than shipping committed output, so what is deployed always
/// matches the commit.</remarks>
public sealed class GitHubWorkflowsResource(string name) : PublishTargetResource(name)
{
    /// <summary>The GitHub environments deployed to, in order; each waits for the one before it.</summary>
    public static readonly IReadOnlyList<string> StandardEnvironments = ["staging", "production"];

    /// <inheritdoc />
    public override string TargetDisplayName => "GitHub Actions";

    /// <summary>The registry images are pushed to (such as <c>ghcr.io/owner</c>); read from a GitHub variable when it has no value.</summary>
    public ParameterResource? Registry { get; set; }

    /// <summary>The branch whose pushes deploy.</summary>
    public string Branch { get; set; } = "main";

    /// <summary>The GitHub environments, in deploy order.</summary>
    public IList<string> Environments { get; } = [.. StandardEnvironments];

    internal override Task PublishAsync(PublishContext context) => new GitHubPublisher(this, context).PublishAsync();
}
