using Deploy.Dashboard.Otlp.Proto.Collector.Logs;
using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Otlp;

/// <summary>Turns an OTLP logs export into stored log entries; records with malformed trace or span ids are rejected.</summary>
internal sealed class LogIngester(TelemetryStore store, TimeProvider time)
{
    public IngestResult Ingest(ExportLogsServiceRequest request)
    {
        var limits = store.Limits;
        var entries = new List<LogEntry>();
        long rejected = 0;
        string? error = null;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpValues.Resource(store, resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = scopeLogs.Scope?.Name ?? string.Empty;
                foreach (var log in scopeLogs.LogRecords)
                {
                    if (!OtlpValues.TryId(log.TraceId, 16, out var traceId) || !OtlpValues.TryId(log.SpanId, 8, out var spanId))
                    {
                        rejected++;
                        error ??= "a log record has an invalid trace id or span id (16 and 8 bytes).";
                        continue;
                    }

                    // The spec allows either timestamp to be missing; observed time is set by the collecting SDK.
                    var timestamp = log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano;
                    var nanos = timestamp != 0 ? OtlpValues.Nanos(timestamp) : time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;
                    entries.Add(new LogEntry(
                        resource,
                        scope,
                        nanos,
                        (int)log.SeverityNumber,
                        log.SeverityText,
                        OtlpValues.Text(log.Body, limits.MaxAttributeLength),
                        OtlpValues.Attributes(log.Attributes, limits),
                        traceId,
                        spanId,
                        string.IsNullOrEmpty(log.EventName) ? null : log.EventName));
                }
            }
        }

        store.Logs.AddRange(entries);
        return IngestResult.From(entries.Count, rejected, error);
    }
}
