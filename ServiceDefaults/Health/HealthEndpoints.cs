namespace Deploy.ServiceDefaults.Health;

/// <summary>Paths and tags of the default health endpoints; the AppHost's probes and publishers use the same paths.</summary>
public static class HealthEndpoints
{
    /// <summary>Readiness: every registered check must pass.</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness: only checks tagged <see cref="LiveTag"/>.</summary>
    public const string AlivePath = "/alive";

    /// <summary>The tag that puts a check on <see cref="AlivePath"/>.</summary>
    public const string LiveTag = "live";

    internal static bool IsProbePath(string path) => IsUnder(path, HealthPath) || IsUnder(path, AlivePath);

    private static bool IsUnder(string path, string root) =>
        path.StartsWith(root, StringComparison.OrdinalIgnoreCase) && (path.Length == root.Length || path[root.Length] == '/');
}
