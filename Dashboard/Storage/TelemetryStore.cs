namespace Deploy.Dashboard.Storage;

/// <summary>The dashboard's in-memory telemetry: one bounded store per signal plus the resources that sent it.</summary>
internal sealed class TelemetryStore
{
    public TelemetryStore(TelemetryLimits limits)
    {
        limits.Validate();
        Limits = limits;
        Resources = new ResourceRegistry(limits.MaxResources);
        Spans = new SpanStore(limits.MaxSpans);
        Logs = new LogStore(limits.MaxLogRecords);
        Metrics = new MetricStore(limits.MaxMetricPoints);
    }

    public TelemetryLimits Limits { get; }

    public ResourceRegistry Resources { get; }

    public SpanStore Spans { get; }

    public LogStore Logs { get; }

    public MetricStore Metrics { get; }
}
