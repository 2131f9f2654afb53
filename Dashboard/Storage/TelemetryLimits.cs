namespace Deploy.Dashboard.Storage;

/// <summary>
/// Bounds of the in-memory telemetry store. Every count is a hard cap: when it is reached the oldest item
/// of that signal is dropped, so memory stays flat however long the dashboard runs.
/// </summary>
/// <param name="MaxSpans">Spans kept across all traces (a trace disappears with its last span).</param>
/// <param name="MaxLogRecords">Structured log records kept across all resources.</param>
/// <param name="MaxMetricPoints">Metric data points kept across all instruments and series.</param>
/// <param name="MaxAttributeCount">Attributes kept per item; extra ones are dropped and counted.</param>
/// <param name="MaxAttributeLength">Characters kept per attribute value or log body; longer values are truncated.</param>
/// <param name="MaxSpanEvents">Events kept per span.</param>
/// <param name="MaxResources">Telemetry resources (service name + instance id) listed; the oldest is forgotten first.</param>
public sealed record TelemetryLimits(
    int MaxSpans = 100_000,
    int MaxLogRecords = 100_000,
    int MaxMetricPoints = 200_000,
    int MaxAttributeCount = 128,
    int MaxAttributeLength = 8_192,
    int MaxSpanEvents = 256,
    int MaxResources = 1_000)
{
    /// <summary>Throws when a bound is not positive, so misconfiguration fails at start rather than at first use.</summary>
    public void Validate()
    {
        Check(MaxSpans, nameof(MaxSpans));
        Check(MaxLogRecords, nameof(MaxLogRecords));
        Check(MaxMetricPoints, nameof(MaxMetricPoints));
        Check(MaxAttributeCount, nameof(MaxAttributeCount));
        Check(MaxAttributeLength, nameof(MaxAttributeLength));
        Check(MaxSpanEvents, nameof(MaxSpanEvents));
        Check(MaxResources, nameof(MaxResources));
    }

    private static void Check(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Telemetry limit {name} must be positive.");
        }
    }
}
