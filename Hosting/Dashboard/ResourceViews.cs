using Deploy.Dashboard.Resources;
using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Dashboard;

/// <summary>Maps the engine's snapshots and console lines to the dashboard's shapes.</summary>
internal static class ResourceViews
{
    /// <summary>One row of the Resources page per instance (replicas are rows of their own, as their console logs are).</summary>
    public static ResourceView From(ResourceSnapshot snapshot) => new(
        snapshot.Name,
        snapshot.Type,
        snapshot.State,
        snapshot.Health,
        snapshot.Restarts,
        [.. snapshot.Urls.Select(Url)],
        // The snapshot holds secrets already masked; the real value was never in it, so none can leak from here.
        [.. snapshot.Environment.Select(e => e.Value == SecretValues.Mask
            ? new EnvironmentVariableView(e.Key, null, IsSecret: true)
            : new EnvironmentVariableView(e.Key, e.Value, IsSecret: false))],
        snapshot.StartedAt,
        snapshot.ExitCode);

    /// <summary>A console line as the dashboard streams it.</summary>
    public static ConsoleLogLine From(LogLine line) => new(line.Resource, line.Timestamp, line.Text, line.IsStdErr);

    // Snapshots keep only the URL; its scheme is the best name left (http, https, tcp).
    private static ResourceUrl Url(string url) =>
        new(Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Scheme : "url", url, IsInternal: !url.StartsWith("http", StringComparison.OrdinalIgnoreCase));
}
