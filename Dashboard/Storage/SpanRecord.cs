namespace Deploy.Dashboard.Storage;

/// <summary>A stored span. Ids are lowercase hex, as every OTLP UI and the W3C traceparent header show them.</summary>
internal sealed record SpanRecord(
    long Sequence,
    TelemetryResource Resource,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    long StartUnixNano,
    long EndUnixNano,
    SpanStatus Status,
    string? StatusMessage,
    TelemetryAttribute[] Attributes,
    SpanEventRecord[] Events,
    SpanLinkRecord[] Links)
{
    public double DurationMs => Math.Max(0, EndUnixNano - StartUnixNano) / 1_000_000.0;
}

/// <summary>A timestamped event inside a span (exceptions are events named "exception").</summary>
internal sealed record SpanEventRecord(long TimeUnixNano, string Name, TelemetryAttribute[] Attributes);

/// <summary>A link from a span to another span, possibly in another trace.</summary>
internal sealed record SpanLinkRecord(string TraceId, string SpanId, TelemetryAttribute[] Attributes);

/// <summary>OTLP span kinds.</summary>
internal enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

/// <summary>OTLP span status codes.</summary>
internal enum SpanStatus
{
    Unset,
    Ok,
    Error,
}
