using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>What the user does next, logged by the publish step (never a value: only variable names and files).</summary>
internal static class ComposeNextSteps
{
    public static void Log(PublishContext context, ComposeOutputFiles files, ComposeValueRenderer renderer, ComposeOptions options,
        IReadOnlyList<IResource> withoutHealthCheck, ComposeBuilds builds)
    {
        var directory = context.FinalOutputPath;
        var text = new System.Text.StringBuilder();
        text.Append("Wrote Docker Compose files to ").Append(directory).Append(": ").AppendJoin(", ", files.Files.Keys).Append('\n');
        text.Append("Next steps:\n");
        text.Append("  1. cd ").Append(directory).Append(" && cp .env.example .env, then fill in .env (keep it out of version control).\n");
        var secrets = renderer.Variables.Where(v => v.Value.Secret).ToList();
        if (secrets.Count > 0)
        {
            text.Append("     Secrets are never written by publish; each comes from .env: ")
                .AppendJoin(", ", secrets.Select(s => $"{s.Key} (parameter '{s.Value.Name}')")).Append('\n');
        }

        var environment = options.Environments.Count > 0 ? ComposeNames.OverrideFile(options.Environments[^1]) : null;
        text.Append("  2. docker compose -f compose.yaml ").Append(environment is null ? "" : $"-f {environment} ").Append("up -d --build\n");
        text.Append("  3. docker compose ps   # every service should become healthy (or exit 0, for jobs)");
        if (builds.OutputOutsideSources)
        {
            text.Append("\n  Note: this folder is outside the sources it builds (").AppendJoin(", ", builds.Contexts)
                .Append("); compose.yaml reaches them by relative paths, so keep it at this place relative to them, and build where both are.");
        }

        foreach (var resource in withoutHealthCheck)
        {
            text.Append("\n  Note: '").Append(resource.Name).Append("' has an HTTP health check but no Compose healthcheck (its image's tools are unknown); ")
                .Append("services waiting for it start once it has started.");
        }

        context.Logger.LogInformation("{NextSteps}", text.ToString());
    }
}
