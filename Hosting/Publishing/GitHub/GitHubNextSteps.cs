using System.Text;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>The text printed after a publish: the workflows written and every GitHub secret and variable they read.</summary>
internal static class GitHubNextSteps
{
    public static string Text(WorkflowPlan plan, string output)
    {
        var text = new StringBuilder();
        text.Append("GitHub Actions workflows written to ").Append(output).Append(": ")
            .AppendJoin(", ", plan.Targets.Select(t => t.FileName)).Append(".\n");
        text.Append("  1. Copy them into the repository's .github/workflows/ and commit them.\n");
        text.Append("  2. Create the GitHub environments ").AppendJoin(", ", plan.Environments.Select(e => $"'{e}'"))
            .Append(" (Settings > Environments)");
        if (plan.Environments.Count > 1)
            text.Append("; give '").Append(plan.Environments[^1]).Append("' required reviewers, or it deploys without approval");
        text.Append(".\n  3. Create these secrets and variables (names only here; values never leave GitHub).\n");
        if (plan.Targets.Any(t => t.NeedsRegistry))
        {
            text.Append("     In the repository:\n");
            if (plan.Registry.Value is null)
                text.Append("       ").Append(plan.Registry.IsSecret ? "secret " : "variable ").Append(plan.Registry.GitHubName).Append(": the image registry, such as ghcr.io/<owner>\n");
            if (!CommonJobs.IsOtherRegistry(plan.Registry))
                text.Append("       secrets REGISTRY_USERNAME, REGISTRY_PASSWORD: registry credentials (optional for ghcr.io: GITHUB_TOKEN is used)\n");
            else
                text.Append("       secrets REGISTRY_USERNAME, REGISTRY_PASSWORD: registry credentials\n");
        }

        text.Append("     In each environment (each its own value):\n");
        foreach (var secret in plan.Secrets)
        {
            text.Append(secret.IsVariable ? "       variable " : "       secret ").Append(secret.Secret).Append(": parameter '").Append(secret.Parameter).Append('\'')
                .Append(secret.IsVariable ? " (not secret, but the AppHost's configuration has no value for it)" : "")
                .Append(secret.IsGenerated ? " (generated in run mode: choose one strong value per environment and keep it)" : "").Append('\n');
        }

        foreach (var environment in plan.Environments)
        {
            foreach (var workflow in plan.Targets)
            {
                text.Append("       ").Append(workflow.FileName).Append(", ").Append(environment).Append(": ");
                text.Append(workflow.Kind switch
                {
                    DeployKind.Kubernetes => $"secret {KubernetesDeployJob.KubeConfigSecret(environment)} (a kubeconfig)",
                    DeployKind.Compose => $"secrets {ComposeDeployJob.HostSecret(environment)}, {ComposeDeployJob.UserSecret(environment)}, " +
                        $"{ComposeDeployJob.KeySecret(environment)} (SSH access to a Docker host)",
                    _ => $"variables {string.Join(", ", AzureDeployJob.Variables)} (an Entra app with a federated credential for " +
                        $"repo:<owner>/<repo>:environment:{environment})",
                }).Append('\n');
            }
        }

        return text.ToString();
    }
}
