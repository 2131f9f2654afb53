using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Turns waits into <c>depends_on</c>: Compose then starts services in the order run mode does, and gates each on
/// the same readiness.</summary>
internal static class ComposeDependencies
{
    private const string Started = "service_started";
    private const string Healthy = "service_healthy";
    private const string Completed = "service_completed_successfully";

    /// <summary>The <c>depends_on</c> mapping of <paramref name="resource"/>, or null when it waits for nothing.</summary>
    /// <param name="resource">The waiting resource.</param>
    /// <param name="topology">The services.</param>
    /// <param name="hasHealthCheck">Whether a service gets a Compose healthcheck (only then can it be waited on as healthy).</param>
    /// <param name="problems">Where problems go.</param>
    public static OrderedDictionary<string, object>? Build(IResource resource, ComposeTopology topology, Func<IResource, bool> hasHealthCheck,
        ComposeProblems problems)
    {
        var conditions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            // A database waits in its server's service; a wait for something that is not a service (a parameter) needs no
            // start order in Compose.
            var service = topology.ServiceOf(wait.Resource);
            if (service is null || ReferenceEquals(service, resource))
                continue;

            var condition = Condition(resource, wait, service, hasHealthCheck, problems);
            var name = ComposeNames.Service(service);
            if (!conditions.TryGetValue(name, out var existing) || Rank(condition) > Rank(existing))
                conditions[name] = condition;
        }

        if (conditions.Count == 0)
            return null;
        var result = ComposeYaml.Map();
        foreach (var (name, condition) in conditions)
        {
            var entry = ComposeYaml.Map();
            entry["condition"] = condition;
            result[name] = entry;
        }

        return result;
    }

    private static string Condition(IResource resource, WaitAnnotation wait, IResource service, Func<IResource, bool> hasHealthCheck,
        ComposeProblems problems)
    {
        if (wait.WaitType == WaitType.WaitForCompletion)
        {
            if (wait.ExitCode != 0)
            {
                problems.Add(resource.Name, $"It waits for '{wait.Resource.Name}' to exit with code {wait.ExitCode}; Compose can only wait for a successful exit (code 0).",
                    $"Make '{wait.Resource.Name}' exit with 0 and use WaitForCompletion('{wait.Resource.Name}') without an exit code.");
            }

            return Completed;
        }

        return wait.WaitType == WaitType.WaitUntilHealthy && hasHealthCheck(service) ? Healthy : Started;
    }

    // When one service is waited on twice (a database and its server), the stricter condition wins.
    private static int Rank(string condition) => condition switch
    {
        Completed => 2,
        Healthy => 1,
        _ => 0,
    };
}
