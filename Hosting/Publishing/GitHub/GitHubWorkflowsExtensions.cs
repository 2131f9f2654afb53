using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.GitHub;

namespace Aspire.Hosting;

/// <summary><c>AddGitHubWorkflows</c>: GitHub Actions workflows that test, publish, push and deploy every other target.</summary>
public static class GitHubWorkflowsExtensions
{
    /// <summary>Declares the workflows: <c>--operation publish --step publish</c> (or <c>publish-&lt;name&gt;</c>) writes them into
    /// <c>&lt;output-path&gt;/&lt;name&gt;/.github/workflows/</c>. In run mode it is only a declaration.</summary>
    public static IResourceBuilder<GitHubWorkflowsResource> AddGitHubWorkflows(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddPublishTarget(new GitHubWorkflowsResource(name));
    }

    /// <summary>The registry images are pushed to. A value in configuration is written into the workflows; without one they
    /// read the GitHub variable (or secret, for a secret parameter) named after the parameter.</summary>
    public static IResourceBuilder<GitHubWorkflowsResource> WithRegistry(this IResourceBuilder<GitHubWorkflowsResource> builder,
        IResourceBuilder<ParameterResource> registry)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(registry);
        builder.Resource.Registry = registry.Resource;
        return builder;
    }

    /// <summary>Replaces the GitHub environments deployed to, in order (staging then production by default).</summary>
    public static IResourceBuilder<GitHubWorkflowsResource> WithEnvironments(this IResourceBuilder<GitHubWorkflowsResource> builder,
        params string[] environments)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(environments);
        builder.Resource.Environments.Clear();
        foreach (var environment in environments)
            builder.Resource.Environments.Add(environment);
        return builder;
    }

    /// <summary>The branch whose pushes deploy (<c>main</c> by default).</summary>
    public static IResourceBuilder<GitHubWorkflowsResource> WithBranch(this IResourceBuilder<GitHubWorkflowsResource> builder, string branch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        builder.Resource.Branch = branch;
        return builder;
    }
}
