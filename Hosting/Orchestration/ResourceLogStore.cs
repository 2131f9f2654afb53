using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Deploy.Hosting.Orchestration;

/// <summary>One captured line of a resource's console output.</summary>
public sealed record LogLine(string Resource, DateTimeOffset Timestamp, string Text, bool IsStdErr, long Number);

/// <summary>Console output of every instance: a bounded buffer each (oldest lines dropped), plus live watchers.</summary>
public sealed class ResourceLogStore(int maxLinesPerResource = 10_000)
{
    private readonly ConcurrentDictionary<string, Buffer> _buffers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<LogLine>> _watchers = [];
    private readonly Lock _gate = new();
    private long _number;

    /// <summary>Records a line.</summary>
    public void Append(string resource, string text, bool isStdErr = false)
    {
        var buffer = _buffers.GetOrAdd(resource, _ => new Buffer(maxLinesPerResource));
        lock (_gate)
        {
            // Numbered under the lock, so numbers follow buffer order: a watcher can skip what a backlog already held.
            var line = new LogLine(resource, DateTimeOffset.UtcNow, text, isStdErr, ++_number);
            buffer.Add(line);
            foreach (var watcher in _watchers)
                watcher.Writer.TryWrite(line);
        }
    }

    /// <summary>The buffered lines of one instance (or of all, when <paramref name="resource"/> is null), oldest first.</summary>
    public IReadOnlyList<LogLine> Lines(string? resource = null)
    {
        lock (_gate)
            return LinesLocked(resource);
    }

    private List<LogLine> LinesLocked(string? resource) => resource is not null
        ? _buffers.TryGetValue(resource, out var buffer) ? buffer.ToList() : []
        : _buffers.Values.SelectMany(b => b.ToList()).OrderBy(l => l.Number).ToList();

    /// <summary>The buffered lines, then every new line, until cancelled.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync(string? resource, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(maxLinesPerResource) { FullMode = BoundedChannelFullMode.DropOldest });
        IReadOnlyList<LogLine> backlog;
        lock (_gate)
        {
            backlog = LinesLocked(resource);
            _watchers.Add(channel);
        }

        try
        {
            foreach (var line in backlog)
                yield return line;
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (resource is null || string.Equals(line.Resource, resource, StringComparison.OrdinalIgnoreCase))
                    yield return line;
            }
        }
        finally
        {
            lock (_gate)
                _watchers.Remove(channel);
        }
    }

    private sealed class Buffer(int capacity)
    {
        private readonly Queue<LogLine> _lines = new();

        public void Add(LogLine line)
        {
            if (_lines.Count == capacity)
                _lines.Dequeue();
            _lines.Enqueue(line);
        }

        public List<LogLine> ToList() => [.. _lines];
    }
}
