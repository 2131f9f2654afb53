using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Deploy.Dashboard.Resources;

/// <summary>
/// An <see cref="IResourceService"/> whose resources and console lines are pushed in by code: empty for a
/// standalone dashboard, filled by tests or by a host that has no orchestrator. Console backlogs are bounded
/// per resource and slow watchers lose their oldest pending lines instead of growing memory.
/// </summary>
public sealed class InMemoryResourceService : IResourceService
{
    private readonly Lock _lock = new();
    private readonly List<ResourceView> _resources = [];
    private readonly Dictionary<string, Queue<ConsoleLogLine>> _backlogs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceChange>> _resourceWatchers = [];
    private readonly List<(string? Resource, Channel<ConsoleLogLine> Channel)> _logWatchers = [];
    private readonly Func<string, string, CancellationToken, Task<ResourceCommandResult>>? _commandHandler;

    /// <summary>Creates the service.</summary>
    /// <param name="maxConsoleLinesPerResource">Backlog kept per resource (oldest lines dropped first).</param>
    /// <param name="commandHandler">Runs commands; when null, start/stop/restart only update the resource's state.</param>
    public InMemoryResourceService(
        int maxConsoleLinesPerResource = 10_000,
        Func<string, string, CancellationToken, Task<ResourceCommandResult>>? commandHandler = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConsoleLinesPerResource);
        MaxConsoleLinesPerResource = maxConsoleLinesPerResource;
        _commandHandler = commandHandler;
    }

    /// <summary>Backlog kept per resource.</summary>
    public int MaxConsoleLinesPerResource { get; }

    /// <summary>Adds or replaces a resource (matched by name) and notifies watchers.</summary>
    public void Upsert(ResourceView resource)
    {
        lock (_lock)
        {
            var index = _resources.FindIndex(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                _resources.Add(resource);
            }
            else
            {
                _resources[index] = resource;
            }

            Publish(new ResourceChange(ResourceChangeKind.Upsert, resource));
        }
    }

    /// <summary>Removes a resource and notifies watchers; false when unknown.</summary>
    public bool Remove(string name)
    {
        lock (_lock)
        {
            var index = _resources.FindIndex(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            var removed = _resources[index];
            _resources.RemoveAt(index);
            Publish(new ResourceChange(ResourceChangeKind.Delete, removed));
            return true;
        }
    }

    /// <summary>Appends a console line to its resource's backlog and to live watchers.</summary>
    public void AppendConsoleLog(ConsoleLogLine line)
    {
        lock (_lock)
        {
            if (!_backlogs.TryGetValue(line.Resource, out var backlog))
            {
                backlog = new Queue<ConsoleLogLine>();
                _backlogs[line.Resource] = backlog;
            }

            backlog.Enqueue(line);
            while (backlog.Count > MaxConsoleLinesPerResource)
            {
                backlog.Dequeue();
            }

            foreach (var (resource, channel) in _logWatchers)
            {
                if (resource is null || string.Equals(resource, line.Resource, StringComparison.OrdinalIgnoreCase))
                {
                    channel.Writer.TryWrite(line);
                }
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ResourceView> GetResources()
    {
        lock (_lock)
        {
            return [.. _resources];
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ResourceChange> WatchResourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ResourceChange>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            _resourceWatchers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_lock)
            {
                _resourceWatchers.Remove(channel);
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<ConsoleLogLine>> WatchConsoleLogsAsync(
        string? resourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ConsoleLogLine>(new BoundedChannelOptions(MaxConsoleLinesPerResource) { FullMode = BoundedChannelFullMode.DropOldest });
        var entry = (resourceName, channel);
        List<ConsoleLogLine> backlog;
        lock (_lock)
        {
            // Backlog and subscription are taken under one lock so no line is missed or repeated.
            backlog = resourceName is null
                ? [.. _backlogs.Values.SelectMany(q => q).OrderBy(l => l.Timestamp)]
                : _backlogs.TryGetValue(resourceName, out var queue) ? [.. queue] : [];
            _logWatchers.Add(entry);
        }

        try
        {
            yield return backlog;
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<ConsoleLogLine>();
                while (batch.Count < 1_000 && channel.Reader.TryRead(out var line))
                {
                    batch.Add(line);
                }

                yield return batch;
            }
        }
        finally
        {
            lock (_lock)
            {
                _logWatchers.Remove(entry);
            }
        }
    }

    /// <inheritdoc />
    public async Task<ResourceCommandResult> ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken)
    {
        if (_commandHandler is not null)
        {
            return await _commandHandler(resourceName, commandName, cancellationToken);
        }

        var resource = GetResources().FirstOrDefault(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase));
        if (resource is null)
        {
            return ResourceCommandResult.Failure($"Unknown resource '{resourceName}'.");
        }

        ResourceView? updated = commandName switch
        {
            "start" => resource with { State = "Running", StartedAt = DateTimeOffset.UtcNow, ExitCode = null },
            "stop" => resource with { State = "Exited", ExitCode = 0 },
            "restart" => resource with { State = "Running", StartedAt = DateTimeOffset.UtcNow, Restarts = resource.Restarts + 1, ExitCode = null },
            _ => null,
        };
        if (updated is null)
        {
            return ResourceCommandResult.Failure($"Unknown command '{commandName}'.");
        }

        Upsert(updated);
        return ResourceCommandResult.Success;
    }

    private void Publish(ResourceChange change)
    {
        foreach (var watcher in _resourceWatchers)
        {
            watcher.Writer.TryWrite(change);
        }
    }
}
