namespace Deploy.Hosting.Routing;

/// <summary>Finds routes that cannot coexist: two resources on the same host and path prefix, where one would receive
/// the other's requests (an ingress controller merges them, a load balancer keeps one).</summary>
public static class RouteCollisions
{
    /// <summary>One message per colliding pair, naming both resources, the environment and the fix.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<PublishedRoute> routes, string environment)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var problems = new List<string>();
        var groups = routes.GroupBy(r => (Host: r.Host?.ToLowerInvariant(), r.NormalizedPath));
        foreach (var group in groups)
        {
            var names = group.Select(r => r.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 1; i < names.Count; i++)
            {
                var where = group.Key.Host is null ? "any host" : $"host '{group.Key.Host}'";
                problems.Add($"Resources '{names[0]}' and '{names[i]}' are both routed from {where}, path '{group.Key.NormalizedPath}', " +
                    $"in environment '{environment}'; one would receive the other's requests. Fix: give '{names[i]}' a path of its own " +
                    $"(WithRoute(\"/{names[i]}\")) or a host of its own (WithRoute(host: \"{names[i]}.example.com\"), " +
                    $"ForEnvironment(\"{environment}\", new() {{ Host = ... }}), or the target's ingress domain).");
            }
        }

        return problems;
    }
}
