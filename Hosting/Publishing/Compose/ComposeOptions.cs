using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>The settings one publish runs with: the target's properties, overridden by <c>Deploy:Compose:*</c> configuration.</summary>
/// <param name="ProjectName">The Compose project name.</param>
/// <param name="DefaultNetworkName">The network every service joins, or null for Compose's default.</param>
/// <param name="Environments">The environments that get an override file.</param>
/// <param name="Dashboard">The name of the dashboard service, or null when none is published.</param>
internal sealed record ComposeOptions(string ProjectName, string? DefaultNetworkName, IReadOnlyList<string> Environments, string? Dashboard)
{
    public const string Section = "Deploy:Compose";

    public static ComposeOptions Resolve(DockerComposeEnvironmentResource target, IConfiguration configuration, string appName, ComposeProblems problems)
    {
        var section = configuration.GetSection(Section);
        var projectName = ComposeNames.Project(section["ProjectName"] ?? target.ProjectName ?? appName);
        var network = section["DefaultNetworkName"] ?? target.DefaultNetworkName;
        if (network is not null && !ComposeNames.IsValidEnvironment(network))
        {
            problems.Add(target.Name, $"Network name '{network}' is not a valid Compose network name.",
                $"Use letters, digits, '-' and '_', starting with a letter ({Section}:DefaultNetworkName or WithProperties).");
        }

        var environments = section["Environments"] is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : target.Environments.ToArray();
        // Environment names are checked by ModelRules with every other target's, so one name is valid everywhere.
        var dashboard = section["Dashboard"] is { } setting ? ParseFlag(setting, target, problems) : target.DashboardEnabled;
        var distinct = environments.DistinctBy(e => e.ToLowerInvariant()).ToList();
        return new(projectName, network, distinct, dashboard ? ComposeDashboard.ServiceName(target.Name) : null);
    }

    private static bool ParseFlag(string value, DockerComposeEnvironmentResource target, ComposeProblems problems)
    {
        if (bool.TryParse(value, out var flag))
            return flag;
        problems.Add(target.Name, $"{Section}:Dashboard is '{value}', which is not a boolean.", $"Set {Section}:Dashboard to true or false.");
        return false;
    }
}
