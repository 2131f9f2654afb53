using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Publishes a <see cref="GitHubWorkflowsResource"/>: <c>.github/workflows/deploy-&lt;target&gt;.yml</c> per deploy
/// target, then logs the secrets and variables to create.</summary>
internal sealed class GitHubPublisher(GitHubWorkflowsResource target, PublishContext context)
{
    public const string WorkflowsFolder = ".github/workflows";

    public async Task PublishAsync()
    {
        var problems = new GitHubProblems();
        var plan = await new WorkflowPlanner(target, context, problems).PlanAsync().ConfigureAwait(false);
        problems.ThrowIfAny(target.Name);

        var appName = AppName(plan.AppHostProject);
        var folder = Path.Combine(context.OutputPath, WorkflowsFolder);
        Directory.CreateDirectory(folder);
        foreach (var workflow in plan.Targets)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, workflow.FileName), WorkflowWriter.Write(plan, workflow, appName), context.CancellationToken)
                .ConfigureAwait(false);
        }

        if (plan.Targets.Any(t => t.NeedsRegistry) && plan.Registry.Value is null)
        {
            // A secret registry is never written, by design; a missing value is the one thing worth a warning.
            if (plan.Registry.IsSecret)
            {
                context.Logger.LogInformation("GitHub Actions target '{Target}': the registry is a secret, so the workflows read it from the GitHub secret {Name}.",
                    target.Name, plan.Registry.GitHubName);
            }
            else
            {
                context.Logger.LogWarning("GitHub Actions target '{Target}': the registry has no value, so the workflows read it from the GitHub variable {Name}. " +
                    "Set it (such as ghcr.io/<owner>) before the first run.", target.Name, plan.Registry.GitHubName);
            }
        }

        context.Logger.LogInformation("{NextSteps}", GitHubNextSteps.Text(plan, Path.Combine(context.FinalOutputPath, WorkflowsFolder)));
    }

    private static string AppName(string appHostProject) => Path.GetFileNameWithoutExtension(appHostProject.TrimEnd('/'));
}
