namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>The kind of deploy target a workflow deploys, which decides its deploy jobs.</summary>
internal enum DeployKind
{
    Kubernetes,
    Compose,
    Azure,
}

/// <summary>One image CI builds and pushes.</summary>
/// <param name="Name">The image's name under the registry (the resource's lower-case name, as the targets name it).</param>
/// <param name="Resource">The model resource, for messages.</param>
/// <param name="Dockerfile">The Dockerfile, repo-relative; when <paramref name="IsGenerated"/>, relative to the target's published folder.</param>
/// <param name="Context">The build context, repo-relative.</param>
/// <param name="IsGenerated">Whether the Dockerfile is one the target writes (so it exists only after the CI publish).</param>
internal sealed record ImageBuild(string Name, string Resource, string Dockerfile, string Context, bool IsGenerated);

/// <summary>A parameter whose value comes from GitHub: a secret, or a variable for a non-secret parameter without a value.</summary>
/// <param name="Parameter">The parameter's name (the Kubernetes <c>parameters.env</c> key).</param>
/// <param name="Secret">The GitHub secret (or variable) it is read from.</param>
/// <param name="ComposeVariable">The Compose <c>.env</c> variable.</param>
/// <param name="AzureVariable">The azd environment variable.</param>
/// <param name="IsGenerated">Whether run mode generates it (the secret keeps it stable across deploys).</param>
/// <param name="IsVariable">Whether it is read from a GitHub variable (not secret, and the AppHost has no value for it).</param>
internal sealed record SecretInput(string Parameter, string Secret, string ComposeVariable, string AzureVariable, bool IsGenerated, bool IsVariable = false)
{
    public string Expression => IsVariable ? GitHubNames.VariableExpression(Secret) : GitHubNames.SecretExpression(Secret);
}

/// <summary>Where the registry comes from.</summary>
/// <param name="Value">The value written into the workflow, or null when it is read from GitHub.</param>
/// <param name="GitHubName">The GitHub variable or secret read when <paramref name="Value"/> is null.</param>
/// <param name="IsSecret">Whether <paramref name="GitHubName"/> is a secret rather than a variable.</param>
internal sealed record RegistryInput(string? Value, string GitHubName, bool IsSecret)
{
    /// <summary>The workflow expression of the registry.</summary>
    public string Expression => Value ?? (IsSecret ? GitHubNames.SecretExpression(GitHubName) : GitHubNames.VariableExpression(GitHubName));
}

/// <summary>One workflow: a deploy target and what its jobs build.</summary>
internal sealed record WorkflowTarget(string Name, DeployKind Kind, IReadOnlyList<ImageBuild> Images)
{
    public string FileName => $"deploy-{Name.ToLowerInvariant()}.yml";

    public bool NeedsRegistry => Kind != DeployKind.Azure && Images.Count > 0;
}

/// <summary>Everything the workflows are written from, checked.</summary>
/// <param name="AppHostProject">The AppHost project, repo-relative.</param>
/// <param name="HasGlobalJson">Whether the repo root pins the SDK in <c>global.json</c>.</param>
internal sealed record WorkflowPlan(
    string AppHostProject,
    bool HasGlobalJson,
    string Branch,
    IReadOnlyList<string> Environments,
    RegistryInput Registry,
    IReadOnlyList<SecretInput> Secrets,
    IReadOnlyList<WorkflowTarget> Targets)
{
    /// <summary>Where CI publishes the targets, repo-relative.</summary>
    public const string OutputFolder = "deploy-output";
}
