using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Deploy.Hosting.Orchestration;

/// <summary>The current snapshot of every instance, with a change stream for the console and the dashboard.</summary>
public sealed class ResourceStateStore
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _snapshots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();
    private readonly List<Channel<ResourceSnapshot>> _watchers = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every instance, in model order.</summary>
    public IReadOnlyList<ResourceSnapshot> Snapshots
    {
        get
        {
            lock (_gate)
                return _order.Select(n => _snapshots[n]).ToList();
        }
    }

    /// <summary>One instance's snapshot.</summary>
    public ResourceSnapshot? Get(string name) => _snapshots.GetValueOrDefault(name);

    /// <summary>The instances of a resource.</summary>
    public IReadOnlyList<ResourceSnapshot> InstancesOf(string resourceName) =>
        Snapshots.Where(s => string.Equals(s.ResourceName, resourceName, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Adds or replaces a snapshot and tells every watcher.</summary>
    public void Publish(ResourceSnapshot snapshot)
    {
        TaskCompletionSource changed;
        lock (_gate)
            changed = PublishLocked(snapshot);
        changed.TrySetResult();
    }

    /// <summary>Updates a snapshot atomically.</summary>
    public void Update(string name, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        TaskCompletionSource? changed = null;
        lock (_gate)
        {
            if (_snapshots.TryGetValue(name, out var current))
                changed = PublishLocked(update(current));
        }

        changed?.TrySetResult();
    }

    private TaskCompletionSource PublishLocked(ResourceSnapshot snapshot)
    {
        if (!_snapshots.ContainsKey(snapshot.Name))
            _order.Add(snapshot.Name);
        _snapshots[snapshot.Name] = snapshot;
        foreach (var watcher in _watchers)
            watcher.Writer.TryWrite(snapshot);
        var changed = _changed;
        _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        return changed;
    }

    /// <summary>The current snapshots, then every change, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>();
        IReadOnlyList<ResourceSnapshot> initial;
        lock (_gate)
        {
            initial = _order.Select(n => _snapshots[n]).ToList();
            _watchers.Add(channel);
        }

        try
        {
            foreach (var snapshot in initial)
                yield return snapshot;
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
                yield return snapshot;
        }
        finally
        {
            lock (_gate)
                _watchers.Remove(channel);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every change.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
                changed = _changed.Task;
            if (condition())
                return;
            await changed.WaitAsync(cancellationToken);
        }
    }
}
