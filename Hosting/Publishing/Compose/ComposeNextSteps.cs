using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>What the user does next, printed to stdout (never stderr, which some callers treat as failure).</summary>
internal static class ComposeNextSteps
{
    public static void Print(PublishContext context, ComposeOutputFiles files, ComposeValueRenderer renderer, IReadOnlyList<string> environments,
        IReadOnlyList<IResource> withoutHealthCheck)
    {
        var output = context.Output;
        var directory = context.FinalOutputPath;
        output.WriteLine($"Wrote Docker Compose files to {directory}:");
        foreach (var path in files.Files.Keys)
            output.WriteLine($"  {path}");

        output.WriteLine();
        output.WriteLine("Next steps:");
        output.WriteLine($"  1. cd {directory} && cp .env.example .env, then fill in .env (keep it out of version control).");
        var secrets = renderer.Variables.Where(v => v.Value.Secret).ToList();
        if (secrets.Count > 0)
        {
            output.WriteLine("     Secrets are never written by publish; each comes from .env:");
            foreach (var (variable, parameter) in secrets)
                output.WriteLine($"       {variable,-24} parameter '{parameter.Name}' (run mode reads {parameter.ConfigurationKey})");
        }

        var environment = context.EnvironmentName ?? environments[^1];
        output.WriteLine($"  2. docker compose -f compose.yaml -f {ComposeNames.OverrideFile(environment)} up -d --build");
        output.WriteLine("  3. docker compose ps   # every service should become healthy (or exit 0, for jobs)");
        foreach (var resource in withoutHealthCheck)
        {
            output.WriteLine($"  Note: '{resource.Name}' has an HTTP health check but no Compose healthcheck (its image's tools are unknown); " +
                "services waiting for it start once it has started.");
        }
    }
}
