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
    /// Changes until <paramref name="cancellationToken"/> is cancelled. Implementations register the watcher
    /// synchronously inside the first <c>MoveNextAsync</c> call (before its first await), so the dashboard starts that
    /// call, then reads <see cref="GetResources"/>, and no change falls between the two (an upsert may arrive twice;
    /// upserts are idempotent).
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
