using Deploy.Dashboard.Otlp.Proto.Collector.Logs;
using Deploy.Dashboard.Otlp.Proto.Collector.Metrics;
using Deploy.Dashboard.Otlp.Proto.Collector.Trace;
using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Otlp;

/// <summary>The three OTLP signals wired to the store, looked up by HTTP path or gRPC method.</summary>
internal sealed class OtlpSignals
{
    private readonly OtlpSignal[] _all;

    public OtlpSignals(TelemetryStore store, TimeProvider time)
    {
        var traces = new TraceIngester(store);
        var logs = new LogIngester(store, time);
        var metrics = new MetricIngester(store);
        _all =
        [
            new OtlpSignal<ExportTraceServiceRequest, ExportTraceServiceResponse>(
                "traces", "/v1/traces", "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
                ExportTraceServiceRequest.Parser, traces.Ingest,
                r => new ExportTraceServiceResponse
                {
                    PartialSuccess = r.Rejected == 0 ? null : new ExportTracePartialSuccess { RejectedSpans = r.Rejected, ErrorMessage = r.ErrorMessage ?? string.Empty },
                }),
            new OtlpSignal<ExportLogsServiceRequest, ExportLogsServiceResponse>(
                "logs", "/v1/logs", "/opentelemetry.proto.collector.logs.v1.LogsService/Export",
                ExportLogsServiceRequest.Parser, logs.Ingest,
                r => new ExportLogsServiceResponse
                {
                    PartialSuccess = r.Rejected == 0 ? null : new ExportLogsPartialSuccess { RejectedLogRecords = r.Rejected, ErrorMessage = r.ErrorMessage ?? string.Empty },
                }),
            new OtlpSignal<ExportMetricsServiceRequest, ExportMetricsServiceResponse>(
                "metrics", "/v1/metrics", "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export",
                ExportMetricsServiceRequest.Parser, metrics.Ingest,
                r => new ExportMetricsServiceResponse
                {
                    PartialSuccess = r.Rejected == 0 ? null : new ExportMetricsPartialSuccess { RejectedDataPoints = r.Rejected, ErrorMessage = r.ErrorMessage ?? string.Empty },
                }),
        ];
    }

    public OtlpSignal? ByHttpPath(string? path) =>
        Array.Find(_all, s => string.Equals(s.HttpPath, path?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    public OtlpSignal? ByGrpcPath(string? path) =>
        Array.Find(_all, s => string.Equals(s.GrpcPath, path, StringComparison.Ordinal));
}
