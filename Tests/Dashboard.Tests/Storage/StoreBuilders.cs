using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Tests.Storage;

/// <summary>Stored records built directly, for store tests that need no OTLP decoding.</summary>
internal static class StoreBuilders
{
    public static TelemetryResource Resource(string name, string? instance = null) =>
        new(TelemetryResource.MakeKey(name, instance), name, instance, []);

    public static SpanRecord Span(
        TelemetryResource resource, string traceId, string spanId, string? parent = null, long startMs = 0, long durationMs = 1,
        SpanStatus status = SpanStatus.Unset, string name = "op") =>
        new(0, resource, "scope", traceId, spanId, parent, name, SpanKind.Internal, startMs * 1_000_000,
            (startMs + durationMs) * 1_000_000, status, null, [], [], []);

    public static LogEntry Log(TelemetryResource resource, string body, int severity = 9, string? traceId = null) =>
        new(resource, "Category", 0, severity, string.Empty, body, [new TelemetryAttribute("k", body + "-attr")], traceId, null, null);

    public static MetricSample Point(TelemetryResource resource, string name, double value, long timeMs, string attribute = "a") =>
        new(new InstrumentDescriptor(resource, "meter", name, "desc", "ms", InstrumentKind.Gauge, false, false),
            [new TelemetryAttribute("dim", attribute)], 0, timeMs * 1_000_000, value, null);
}
