namespace Deploy.Dashboard.Resources;

/// <summary>One resource of the application as the dashboard shows it (a row of the Resources page).</summary>
/// <param name="Name">Unique resource name; also the OTEL_SERVICE_NAME its telemetry carries.</param>
/// <param name="Type">Kind of resource, e.g. "Project", "Container", "Executable", "Postgres".</param>
/// <param name="State">Lifecycle state, e.g. "Starting", "Running", "Exited", "FailedToStart", "Waiting".</param>
/// <param name="HealthStatus">"Healthy", "Unhealthy", "Degraded", or null when the resource has no health checks.</param>
/// <param name="Restarts">How many times the supervisor restarted the resource.</param>
/// <param name="Urls">Endpoints to show as links.</param>
/// <param name="Environment">Environment variables; secret values are masked by the API.</param>
/// <param name="StartedAt">When the current run started, if running.</param>
/// <param name="ExitCode">Exit code of the last run, if it exited.</param>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string? HealthStatus,
    int Restarts,
    IReadOnlyList<ResourceUrl> Urls,
    IReadOnlyList<EnvironmentVariableView> Environment,
    DateTimeOffset? StartedAt,
    int? ExitCode);

/// <summary>An endpoint of a resource.</summary>
/// <param name="Name">Endpoint name, e.g. "http".</param>
/// <param name="Url">Full URL, e.g. http://localhost:5123.</param>
/// <param name="IsInternal">True for endpoints only other resources use (shown, but not as the primary link).</param>
public sealed record ResourceUrl(string Name, string Url, bool IsInternal = false);

/// <summary>An environment variable of a resource.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Value">Resolved value; never sent to a client when <paramref name="IsSecret"/> is true.</param>
/// <param name="IsSecret">True for values from secret parameters, passwords and connection strings holding them.</param>
public sealed record EnvironmentVariableView(string Name, string? Value, bool IsSecret);

/// <summary>One line a resource wrote to stdout or stderr.</summary>
/// <param name="Resource">Name of the resource that wrote it.</param>
/// <param name="Timestamp">When the supervisor read it.</param>
/// <param name="Text">The line, without its line terminator.</param>
/// <param name="IsStdErr">True when written to stderr.</param>
public sealed record ConsoleLogLine(string Resource, DateTimeOffset Timestamp, string Text, bool IsStdErr);

/// <summary>A change to the resource list.</summary>
/// <param name="Kind">Whether the resource was added/updated or removed.</param>
/// <param name="Resource">The resource's new view (its last view for a removal).</param>
public sealed record ResourceChange(ResourceChangeKind Kind, ResourceView Resource);

/// <summary>Kinds of <see cref="ResourceChange"/>.</summary>
public enum ResourceChangeKind
{
    /// <summary>Added or updated.</summary>
    Upsert,

    /// <summary>Removed from the model.</summary>
    Delete,
}

/// <summary>The outcome of a resource command.</summary>
/// <param name="Succeeded">True when the command was carried out.</param>
/// <param name="ErrorMessage">Why it failed, for the user.</param>
public sealed record ResourceCommandResult(bool Succeeded, string? ErrorMessage = null)
{
    /// <summary>A successful result.</summary>
    public static ResourceCommandResult Success { get; } = new(true);

    /// <summary>A failed result with a message for the user.</summary>
    public static ResourceCommandResult Failure(string message) => new(false, message);
}
