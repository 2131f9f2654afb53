namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Everything that keeps the model from becoming workflows.</summary>
internal sealed class GitHubProblems() : PublishProblems("GitHub Actions");
