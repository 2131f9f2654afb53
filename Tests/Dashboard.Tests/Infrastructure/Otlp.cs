using Deploy.Dashboard.Otlp.Proto.Collector.Logs;
using Deploy.Dashboard.Otlp.Proto.Collector.Metrics;
using Deploy.Dashboard.Otlp.Proto.Collector.Trace;
using Deploy.Dashboard.Otlp.Proto.Common;
using Deploy.Dashboard.Otlp.Proto.Logs;
using Deploy.Dashboard.Otlp.Proto.Metrics;
using Deploy.Dashboard.Otlp.Proto.Trace;
using ProtoSpan = Deploy.Dashboard.Otlp.Proto.Trace.Span;
using Google.Protobuf;
using ProtoResource = Deploy.Dashboard.Otlp.Proto.Resource.Resource;

namespace Deploy.Dashboard.Tests.Infrastructure;

/// <summary>Builders of OTLP messages for unit tests (the exporter tests use the real SDK instead).</summary>
internal static class Otlp
{
    public static ByteString TraceId(int n) => ByteString.CopyFrom([.. new byte[12], 0, 0, (byte)(n >> 8), (byte)(n + 1)]);

    public static ByteString SpanId(int n) => ByteString.CopyFrom([.. new byte[4], 0, 0, (byte)(n >> 8), (byte)(n + 1)]);

    public static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    public static ProtoResource Resource(string name, string? instance = null)
    {
        var resource = new ProtoResource();
        resource.Attributes.Add(Attr("service.name", name));
        if (instance is not null)
        {
            resource.Attributes.Add(Attr("service.instance.id", instance));
        }

        return resource;
    }

    public static KeyValue Attr(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static ProtoSpan Span(int trace, int span, int? parent, string name, long startMs, long durationMs, bool error = false)
    {
        var result = new ProtoSpan
        {
            TraceId = TraceId(trace),
            SpanId = SpanId(span),
            Name = name,
            Kind = ProtoSpan.Types.SpanKind.Server,
            StartTimeUnixNano = (ulong)(startMs * 1_000_000),
            EndTimeUnixNano = (ulong)((startMs + durationMs) * 1_000_000),
            Status = new Status { Code = error ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
        };
        if (parent is { } p)
        {
            result.ParentSpanId = SpanId(p);
        }

        return result;
    }

    public static ExportTraceServiceRequest Traces(string service, params ProtoSpan[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "test" } };
        scope.Spans.AddRange(spans);
        var resourceSpans = new ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        return new ExportTraceServiceRequest { ResourceSpans = { resourceSpans } };
    }

    public static LogRecord Log(string body, SeverityNumber severity = SeverityNumber.Info, int? trace = null) => new()
    {
        Body = new AnyValue { StringValue = body },
        SeverityNumber = severity,
        TimeUnixNano = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
        TraceId = trace is { } t ? TraceId(t) : ByteString.Empty,
        SpanId = trace is not null ? SpanId(0) : ByteString.Empty,
    };

    public static ExportLogsServiceRequest Logs(string service, params LogRecord[] records)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Test.Category" } };
        scope.LogRecords.AddRange(records);
        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resourceLogs } };
    }

    public static ExportMetricsServiceRequest Metrics(string service, params Metric[] metrics)
    {
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Test.Meter" } };
        scope.Metrics.AddRange(metrics);
        var resourceMetrics = new ResourceMetrics { Resource = Resource(service) };
        resourceMetrics.ScopeMetrics.Add(scope);
        return new ExportMetricsServiceRequest { ResourceMetrics = { resourceMetrics } };
    }

    public static Metric Gauge(string name, double value, long timeMs, params KeyValue[] attributes)
    {
        var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = (ulong)timeMs * 1_000_000 };
        point.Attributes.AddRange(attributes);
        return new Metric { Name = name, Unit = "1", Gauge = new Gauge { DataPoints = { point } } };
    }
}
