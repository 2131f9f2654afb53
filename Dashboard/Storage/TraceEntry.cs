namespace Deploy.Dashboard.Storage;

/// <summary>
/// The spans of one trace currently held by the store, in arrival order, with aggregates kept up to date
/// on append and recomputed lazily after an eviction (evictions are rare per trace, queries are frequent).
/// Guarded by the owning <see cref="SpanStore"/>'s lock.
/// </summary>
internal sealed class TraceEntry(string traceId, long firstSequence)
{
    private readonly RingQueue<SpanRecord> _spans = new(2);
    private bool _dirty;
    private long _start = long.MaxValue;
    private long _end = long.MinValue;
    private int _errors;
    private List<TelemetryResource> _resources = [];

    public string TraceId { get; } = traceId;

    /// <summary>Arrival order of the trace's first span; orders the trace list.</summary>
    public long FirstSequence { get; } = firstSequence;

    /// <summary>The node in the store's arrival-ordered list, for O(1) removal.</summary>
    public LinkedListNode<TraceEntry>? Node { get; set; }

    public int Count => _spans.Count;

    public RingQueue<SpanRecord> Spans => _spans;

    public void Add(SpanRecord span)
    {
        _spans.Add(span);
        if (!_dirty)
        {
            Accumulate(span);
        }
    }

    public SpanRecord RemoveOldest()
    {
        _dirty = true;
        return _spans.RemoveFirst();
    }

    public TraceSummary Summarize()
    {
        Refresh();
        SpanRecord? root = null;
        for (var i = 0; i < _spans.Count; i++)
        {
            var span = _spans[i];
            if (span.ParentSpanId is null && (root is null || span.StartUnixNano < root.StartUnixNano))
            {
                root = span;
            }
        }

        root ??= FirstByStart();
        return new TraceSummary(
            TraceId,
            root.Name,
            root.Resource.Key,
            _start,
            Math.Max(0, _end - _start) / 1_000_000.0,
            _spans.Count,
            _errors,
            [.. _resources.Select(r => r.Key)],
            root.ParentSpanId is not null);
    }

    public double DurationMs
    {
        get
        {
            Refresh();
            return Math.Max(0, _end - _start) / 1_000_000.0;
        }
    }

    public int ErrorCount
    {
        get
        {
            Refresh();
            return _errors;
        }
    }

    public bool HasResource(string filter)
    {
        Refresh();
        return _resources.Exists(r => r.Matches(filter));
    }

    private SpanRecord FirstByStart()
    {
        var first = _spans[0];
        for (var i = 1; i < _spans.Count; i++)
        {
            if (_spans[i].StartUnixNano < first.StartUnixNano)
            {
                first = _spans[i];
            }
        }

        return first;
    }

    private void Refresh()
    {
        if (!_dirty)
        {
            return;
        }

        _start = long.MaxValue;
        _end = long.MinValue;
        _errors = 0;
        _resources = [];
        for (var i = 0; i < _spans.Count; i++)
        {
            Accumulate(_spans[i]);
        }

        _dirty = false;
    }

    private void Accumulate(SpanRecord span)
    {
        _start = Math.Min(_start, span.StartUnixNano);
        _end = Math.Max(_end, span.EndUnixNano);
        if (span.Status == SpanStatus.Error)
        {
            _errors++;
        }

        // A plain loop: a lambda here would allocate a closure for every span ingested.
        foreach (var resource in _resources)
        {
            if (string.Equals(resource.Key, span.Resource.Key, StringComparison.Ordinal))
            {
                return;
            }
        }

        _resources.Add(span.Resource);
    }
}

/// <summary>One row of the trace list.</summary>
/// <param name="Incomplete">True when the root span has not arrived (or was evicted).</param>
internal sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootResource,
    long StartUnixNano,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    string[] Resources,
    bool Incomplete);
