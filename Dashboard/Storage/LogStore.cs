namespace Deploy.Dashboard.Storage;

/// <summary>
/// Structured logs in one bounded arrival-ordered buffer (oldest dropped first), with a trace-id index so
/// "logs of this trace" is a lookup. The index only holds entries still in the buffer.
/// </summary>
internal sealed class LogStore(int maxLogs)
{
    private readonly Lock _lock = new();
    private readonly RingQueue<LogEntry> _buffer = new(Math.Min(maxLogs, 1024));
    private readonly Dictionary<string, RingQueue<LogEntry>> _byTrace = new(StringComparer.Ordinal);
    private long _sequence;
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buffer.Count;
            }
        }
    }

    public void AddRange(IReadOnlyList<LogEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var entry in entries)
            {
                if (_buffer.Count == maxLogs)
                {
                    Unindex(_buffer.RemoveFirst());
                }

                entry.Id = ++_sequence;
                _buffer.Add(entry);
                if (entry.TraceId is { } traceId)
                {
                    if (!_byTrace.TryGetValue(traceId, out var list))
                    {
                        list = new RingQueue<LogEntry>(2);
                        _byTrace[traceId] = list;
                    }

                    list.Add(entry);
                }
            }
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Newest first, filtered; <see cref="LogQuery.BeforeId"/> pages backwards, <see cref="LogQuery.AfterId"/> tails.</summary>
    public IReadOnlyList<LogEntry> Query(LogQuery query)
    {
        var result = new List<LogEntry>(Math.Min(query.Limit, 1024));
        lock (_lock)
        {
            // A trace filter walks only that trace's entries; everything else walks the buffer from the newest.
            RingQueue<LogEntry>? source = _buffer;
            if (!string.IsNullOrEmpty(query.TraceId))
            {
                source = _byTrace.GetValueOrDefault(query.TraceId.ToLowerInvariant());
            }

            if (source is null)
            {
                return result;
            }

            for (var i = source.Count - 1; i >= 0 && result.Count < query.Limit; i--)
            {
                var entry = source[i];
                if (entry.Id <= query.AfterId)
                {
                    break;
                }

                if (Matches(entry, query))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    private static bool Matches(LogEntry entry, LogQuery query) =>
        (query.BeforeId <= 0 || entry.Id < query.BeforeId)
        && entry.SeverityNumber >= query.MinSeverity
        && entry.Resource.Matches(query.Resource)
        && (string.IsNullOrEmpty(query.SpanId) || string.Equals(entry.SpanId, query.SpanId, StringComparison.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(query.Text) || entry.ContainsText(query.Text));

    private void Unindex(LogEntry oldest)
    {
        if (oldest.TraceId is null || !_byTrace.TryGetValue(oldest.TraceId, out var list))
        {
            return;
        }

        list.RemoveFirst();
        if (list.Count == 0)
        {
            _byTrace.Remove(oldest.TraceId);
        }
    }
}

/// <summary>Filters of the structured log list.</summary>
internal sealed record LogQuery(
    string? Resource = null,
    int MinSeverity = 0,
    string? Text = null,
    string? TraceId = null,
    string? SpanId = null,
    long BeforeId = 0,
    long AfterId = 0,
    int Limit = 200);
