using System.Runtime.CompilerServices;
using Deploy.Dashboard.Resources;
using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Dashboard;

/// <summary>
/// The dashboard's view of the engine: resources from <see cref="Orchestrator.States"/>, console output from
/// <see cref="Orchestrator.Logs"/>, commands to <see cref="Orchestrator.ExecuteCommandAsync"/>. Memory per watcher is
/// bounded: resource watchers keep one snapshot per instance, console watchers the log store's bounded channel.
/// </summary>
internal sealed class OrchestratorResourceService(Orchestrator orchestrator) : IResourceService
{
    private const int MaxLinesPerBatch = 1_000;

    /// <inheritdoc />
    public IReadOnlyList<ResourceView> GetResources() => [.. orchestrator.States.Snapshots.Select(ResourceViews.From)];

    /// <inheritdoc />
    public async IAsyncEnumerable<ResourceChange> WatchResourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The baseline is taken before the first await (the interface's rule); afterwards every change is found by
        // comparing with what this watcher last sent, so a slow client sees the latest state, never a growing queue.
        var sent = orchestrator.States.Snapshots.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            List<ResourceSnapshot> changed = [];
            await orchestrator.States.WaitUntilAsync(() => (changed = Changed(sent)).Count > 0, cancellationToken);
            foreach (var snapshot in changed)
            {
                sent[snapshot.Name] = snapshot;
                yield return new ResourceChange(ResourceChangeKind.Upsert, ResourceViews.From(snapshot));
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<ConsoleLogLine>> WatchConsoleLogsAsync(string? resourceName,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lines = orchestrator.Logs.WatchAsync(resourceName, stop.Token).GetAsyncEnumerator(stop.Token);
        // The first MoveNextAsync subscribes synchronously; the backlog read after it holds everything the subscription
        // has not, and line numbers (assigned in buffer order) tell which live lines the backlog already had.
        var next = lines.MoveNextAsync().AsTask();
        try
        {
            var backlog = orchestrator.Logs.Lines(resourceName);
            var watermark = backlog.Count == 0 ? 0 : backlog.Max(l => l.Number);
            yield return [.. backlog.Select(ResourceViews.From)];

            var batch = new List<ConsoleLogLine>();
            while (await next)
            {
                // Take every line already waiting, so a burst becomes one batch (one server-sent event), not hundreds.
                do
                {
                    if (lines.Current.Number > watermark)
                        batch.Add(ResourceViews.From(lines.Current));
                    next = lines.MoveNextAsync().AsTask();
                }
                while (next.IsCompletedSuccessfully && next.Result && batch.Count < MaxLinesPerBatch);

                if (batch.Count > 0)
                {
                    yield return batch;
                    batch = [];
                }
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync is pending: cancel it and let it finish first.
            await stop.CancelAsync();
            await next.ContinueWith(_ => { }, TaskScheduler.Default);
            await lines.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async Task<ResourceCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken)
    {
        // The request's token is not passed on: a command half done because the browser went away would leave the
        // resource neither running nor stopped.
        try
        {
            await orchestrator.ExecuteCommandAsync(resourceName, commandName);
            return ResourceCommandResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return ResourceCommandResult.Failure(e.Message);
        }
    }

    private List<ResourceSnapshot> Changed(Dictionary<string, ResourceSnapshot> sent) =>
        [.. orchestrator.States.Snapshots.Where(s => !sent.TryGetValue(s.Name, out var last) || !ReferenceEquals(last, s))];
}
