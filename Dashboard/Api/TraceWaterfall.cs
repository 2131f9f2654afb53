using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Api;

/// <summary>
/// Orders a trace's spans for the waterfall: depth-first from the roots, children by start time, using a
/// parent→children dictionary (linear in spans; Aspire's per-span scans made 10,000-span traces slow).
/// Spans whose parent is missing are shown as roots.
/// </summary>
internal static class TraceWaterfall
{
    public static TraceDetailDto Build(string traceId, IReadOnlyList<SpanRecord> spans)
    {
        var ids = new HashSet<string>(spans.Select(s => s.SpanId), StringComparer.Ordinal);
        var children = new Dictionary<string, List<SpanRecord>>(StringComparer.Ordinal);
        var roots = new List<SpanRecord>();
        foreach (var span in spans)
        {
            if (span.ParentSpanId is { } parent && ids.Contains(parent) && parent != span.SpanId)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    list = [];
                    children[parent] = list;
                }

                list.Add(span);
            }
            else
            {
                roots.Add(span);
            }
        }

        var start = spans.Count == 0 ? 0 : spans.Min(s => s.StartUnixNano);
        var end = spans.Count == 0 ? 0 : spans.Max(s => s.EndUnixNano);
        var ordered = new List<SpanDto>(spans.Count);
        var visited = new HashSet<SpanRecord>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(SpanRecord Span, int Depth)>();
        foreach (var root in roots.OrderByDescending(s => s.StartUnixNano))
        {
            stack.Push((root, 0));
        }

        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            if (!visited.Add(span))
            {
                continue; // duplicate span ids can form cycles; show each span once
            }

            ordered.Add(ToDto(span, depth, start));
            if (children.TryGetValue(span.SpanId, out var kids))
            {
                foreach (var child in kids.OrderByDescending(s => s.StartUnixNano))
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        var resources = spans.Select(s => s.Resource.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new TraceDetailDto(traceId, ApiJson.Ms(start), Math.Max(0, end - start) / 1_000_000.0, resources, ordered);
    }

    private static SpanDto ToDto(SpanRecord span, int depth, long traceStart) => new(
        span.SpanId,
        span.ParentSpanId,
        span.Name,
        span.Kind.ToString().ToLowerInvariant(),
        span.Resource.Key,
        span.Scope,
        ApiJson.Ms(span.StartUnixNano),
        (span.StartUnixNano - traceStart) / 1_000_000.0,
        span.DurationMs,
        depth,
        span.Status.ToString().ToLowerInvariant(),
        span.StatusMessage,
        span.Attributes,
        [.. span.Events.Select(e => new SpanEventDto(e.Name, ApiJson.Ms(e.TimeUnixNano), (e.TimeUnixNano - span.StartUnixNano) / 1_000_000.0, e.Attributes))],
        [.. span.Links.Select(l => new SpanLinkDto(l.TraceId, l.SpanId, l.Attributes))]);
}
