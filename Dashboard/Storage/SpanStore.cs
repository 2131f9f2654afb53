namespace Deploy.Dashboard.Storage;

/// <summary>
/// Spans in one bounded arrival-ordered buffer, indexed by trace id (dictionary, never a scan) and listed by
/// the arrival of each trace's first span. Evicting a span removes it from its trace; a trace with no spans left
/// disappears, so the index never outgrows the buffer.
/// </summary>
internal sealed class SpanStore(int maxSpans)
{
    private readonly Lock _lock = new();
    private readonly RingQueue<SpanRecord> _buffer = new(Math.Min(maxSpans, 1024));
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<TraceEntry> _traceOrder = new();
    private long _sequence;
    private long _version;

    /// <summary>Changes on every stored batch; the live-update stream compares it.</summary>
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

    public int TraceCount
    {
        get
        {
            lock (_lock)
            {
                return _traces.Count;
            }
        }
    }

    /// <summary>Next sequence numbers for a batch about to be added (sequence orders items for paging).</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void AddRange(IReadOnlyList<SpanRecord> spans)
    {
        if (spans.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var span in spans)
            {
                if (_buffer.Count == maxSpans)
                {
                    Evict(_buffer.RemoveFirst());
                }

                _buffer.Add(span);
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceEntry(span.TraceId, span.Sequence);
                    trace.Node = _traceOrder.AddLast(trace);
                    _traces[span.TraceId] = trace;
                }

                trace.Add(span);
            }
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Newest traces first (by arrival), filtered; at most <paramref name="limit"/> rows.</summary>
    public IReadOnlyList<TraceSummary> QueryTraces(TraceQuery query)
    {
        var result = new List<TraceSummary>(Math.Min(query.Limit, 1024));
        lock (_lock)
        {
            for (var node = _traceOrder.Last; node is not null && result.Count < query.Limit; node = node.Previous)
            {
                var trace = node.Value;
                if (query.ErrorsOnly && trace.ErrorCount == 0)
                {
                    continue;
                }

                if (query.MinDurationMs > 0 && trace.DurationMs < query.MinDurationMs)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(query.Resource) && !trace.HasResource(query.Resource))
                {
                    continue;
                }

                var summary = trace.Summarize();
                if (!string.IsNullOrEmpty(query.Text)
                    && !summary.RootName.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                    && !summary.TraceId.StartsWith(query.Text, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                result.Add(summary);
            }
        }

        return result;
    }

    /// <summary>All stored spans of one trace (copied, so the caller needs no lock), or null if unknown.</summary>
    public IReadOnlyList<SpanRecord>? GetTrace(string traceId)
    {
        lock (_lock)
        {
            return _traces.TryGetValue(traceId, out var trace) ? trace.Spans.ToArray() : null;
        }
    }

    private void Evict(SpanRecord oldest)
    {
        if (!_traces.TryGetValue(oldest.TraceId, out var trace))
        {
            return;
        }

        trace.RemoveOldest();
        if (trace.Count == 0)
        {
            _traces.Remove(oldest.TraceId);
            _traceOrder.Remove(trace.Node!);
            trace.Node = null;
        }
    }
}

/// <summary>Filters of the trace list.</summary>
internal sealed record TraceQuery(
    string? Resource = null,
    double MinDurationMs = 0,
    bool ErrorsOnly = false,
    string? Text = null,
    int Limit = 200);
