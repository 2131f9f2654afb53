using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Api;

// The JSON shapes of the API (camelCase). Times are Unix milliseconds as doubles: nanosecond integers do
// not survive JavaScript numbers.

/// <summary>A process that sent telemetry (service.name + service.instance.id).</summary>
internal sealed record TelemetryResourceDto(string Key, string Name, string? InstanceId, TelemetryAttribute[] Attributes);

/// <summary>A structured log record.</summary>
internal sealed record LogDto(
    long Id, string Resource, string Scope, double TimeMs, string Level, int SeverityNumber, string SeverityText,
    string Body, TelemetryAttribute[] Attributes, string? TraceId, string? SpanId, string? EventName);

/// <summary>A page of logs, newest first; pass <c>nextBeforeId</c> as <c>beforeId</c> for the next (older) page.</summary>
internal sealed record LogPage(IReadOnlyList<LogDto> Items, long? NextBeforeId);

/// <summary>A row of the trace list.</summary>
internal sealed record TraceListItemDto(
    string TraceId, string RootName, string RootResource, double StartMs, double DurationMs, int SpanCount,
    int ErrorCount, string[] Resources, bool Incomplete);

/// <summary>One trace, its spans in waterfall order (depth-first by start time).</summary>
internal sealed record TraceDetailDto(string TraceId, double StartMs, double DurationMs, string[] Resources, IReadOnlyList<SpanDto> Spans);

/// <summary>A span as a waterfall row: offset and duration relative to the trace start, depth in the tree.</summary>
internal sealed record SpanDto(
    string SpanId, string? ParentSpanId, string Name, string Kind, string Resource, string Scope, double StartMs,
    double OffsetMs, double DurationMs, int Depth, string Status, string? StatusMessage,
    TelemetryAttribute[] Attributes, IReadOnlyList<SpanEventDto> Events, IReadOnlyList<SpanLinkDto> Links);

/// <summary>A span event with its offset from the span start.</summary>
internal sealed record SpanEventDto(string Name, double TimeMs, double OffsetMs, TelemetryAttribute[] Attributes);

/// <summary>A span link.</summary>
internal sealed record SpanLinkDto(string TraceId, string SpanId, TelemetryAttribute[] Attributes);

/// <summary>An instrument of a resource.</summary>
internal sealed record InstrumentDto(
    string Resource, string Scope, string Name, string Description, string Unit, string Kind, bool IsMonotonic, int SeriesCount);

/// <summary>All series of one instrument name.</summary>
internal sealed record MetricSeriesResponse(string Name, string Description, string Unit, string Kind, IReadOnlyList<SeriesDto> Series);

/// <summary>One attribute set of an instrument over time.</summary>
internal sealed record SeriesDto(string Resource, TelemetryAttribute[] Attributes, IReadOnlyList<PointDto> Points);

/// <summary>
/// A point: <c>value</c> for gauges and sums; for histograms and summaries also <c>count</c> and the p50/p90/p99
/// of the observations in the interval ending at <c>t</c> (per interval even when the exporter sends cumulative data).
/// </summary>
internal sealed record PointDto(double T, double? Value, double? Count = null, double? P50 = null, double? P90 = null, double? P99 = null);
