using Deploy.Dashboard.Otlp.Proto.Collector.Trace;
using Deploy.Dashboard.Storage;
using ProtoSpan = Deploy.Dashboard.Otlp.Proto.Trace.Span;
using ProtoStatus = Deploy.Dashboard.Otlp.Proto.Trace.Status;

namespace Deploy.Dashboard.Otlp;

/// <summary>Turns an OTLP trace export into stored spans; spans with malformed ids are rejected, the rest kept.</summary>
internal sealed class TraceIngester(TelemetryStore store)
{
    public IngestResult Ingest(ExportTraceServiceRequest request)
    {
        var limits = store.Limits;
        var spans = new List<SpanRecord>();
        long rejected = 0;
        string? error = null;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpValues.Resource(store, resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = scopeSpans.Scope?.Name ?? string.Empty;
                foreach (var span in scopeSpans.Spans)
                {
                    if (!OtlpValues.TryId(span.TraceId, 16, out var traceId) || traceId is null
                        || !OtlpValues.TryId(span.SpanId, 8, out var spanId) || spanId is null
                        || !OtlpValues.TryId(span.ParentSpanId, 8, out var parentId))
                    {
                        rejected++;
                        error ??= $"span '{span.Name}' has an invalid trace id, span id or parent span id (16, 8 and 8 bytes, not all zero).";
                        continue;
                    }

                    spans.Add(Convert(span, resource, scope, traceId, spanId, parentId, limits));
                }
            }
        }

        store.Spans.AddRange(spans);
        return IngestResult.From(spans.Count, rejected, error);
    }

    private SpanRecord Convert(
        ProtoSpan span, TelemetryResource resource, string scope, string traceId, string spanId, string? parentId, TelemetryLimits limits)
    {
        var events = span.Events.Count == 0 ? [] : new SpanEventRecord[Math.Min(span.Events.Count, limits.MaxSpanEvents)];
        for (var i = 0; i < events.Length; i++)
        {
            var e = span.Events[i];
            events[i] = new SpanEventRecord(OtlpValues.Nanos(e.TimeUnixNano), e.Name, OtlpValues.Attributes(e.Attributes, limits));
        }

        List<SpanLinkRecord>? links = null;
        foreach (var link in span.Links)
        {
            if (OtlpValues.TryId(link.TraceId, 16, out var linkTrace) && linkTrace is not null
                && OtlpValues.TryId(link.SpanId, 8, out var linkSpan) && linkSpan is not null)
            {
                (links ??= new List<SpanLinkRecord>(span.Links.Count)).Add(new SpanLinkRecord(linkTrace, linkSpan, OtlpValues.Attributes(link.Attributes, limits)));
            }
        }

        var start = OtlpValues.Nanos(span.StartTimeUnixNano);
        return new SpanRecord(
            store.Spans.NextSequence(),
            resource,
            scope,
            traceId,
            spanId,
            parentId,
            span.Name,
            (Storage.SpanKind)Math.Clamp((int)span.Kind, 0, 5),
            start,
            Math.Max(start, OtlpValues.Nanos(span.EndTimeUnixNano)),
            span.Status?.Code switch
            {
                ProtoStatus.Types.StatusCode.Ok => SpanStatus.Ok,
                ProtoStatus.Types.StatusCode.Error => SpanStatus.Error,
                _ => SpanStatus.Unset,
            },
            string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
            OtlpValues.Attributes(span.Attributes, limits),
            events,
            links is null ? [] : [.. links]);
    }
}
