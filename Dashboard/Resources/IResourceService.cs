namespace Deploy.Dashboard.Resources;

/// <summary>
/// What the dashboard reads about the application's resources. The hosting engine implements it over its
/// orchestrator; <see cref="InMemoryResourceService"/> serves standalone runs (empty) and tests.
/// </summary>
public interface IResourceService
{
    /// <summary>Names of the commands the dashboard offers on every resource.</summary>
    static IReadOnlyList<string> Commands { get; } = ["start", "stop", "restart"];

    /// <summary>The current resources, in display order.</summary>
    IReadOnlyList<ResourceView> GetResources();

    /// <summary>
    /// Changes from the moment of the call until <paramref name="cancellationToken"/> is cancelled. Callers
    /// subscribe first, then read <see cref="GetResources"/>, so no change falls between the two (an upsert may
    /// arrive twice; it is idempotent).
    /// </summary>
    IAsyncEnumerable<ResourceChange> WatchResourcesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Console output of one resource (or of all when <paramref name="resourceName"/> is null): the first batch is
    /// the retained backlog (possibly empty), then live batches as lines arrive, until cancelled.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<ConsoleLogLine>> WatchConsoleLogsAsync(string? resourceName, CancellationToken cancellationToken);

    /// <summary>Runs a command ("start", "stop" or "restart") on a resource.</summary>
    Task<ResourceCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken);
}
