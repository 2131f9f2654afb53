namespace Deploy.Dashboard.Storage;

/// <summary>The OTLP metric data kinds.</summary>
internal enum InstrumentKind
{
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
}

/// <summary>What identifies an instrument, as sent with every batch.</summary>
internal sealed record InstrumentDescriptor(
    TelemetryResource Resource,
    string Scope,
    string Name,
    string Description,
    string Unit,
    InstrumentKind Kind,
    bool IsMonotonic,
    bool IsCumulative);

/// <summary>
/// Distribution data of a histogram or summary point. Exponential histograms are converted to explicit
/// bounds at ingestion so percentiles need one code path.
/// </summary>
/// <param name="Bounds">Upper bounds of the buckets; <paramref name="Counts"/> has one more entry (the overflow bucket).</param>
internal sealed record HistogramData(
    ulong Count,
    double Sum,
    double? Min,
    double? Max,
    double[] Bounds,
    ulong[] Counts,
    QuantileValue[] Quantiles);

/// <summary>A precomputed quantile of an OTLP summary point.</summary>
internal readonly record struct QuantileValue(double Quantile, double Value);

/// <summary>One incoming data point before it is attached to its instrument and series.</summary>
internal sealed record MetricSample(
    InstrumentDescriptor Instrument,
    TelemetryAttribute[] Attributes,
    long StartUnixNano,
    long TimeUnixNano,
    double Value,
    HistogramData? Histogram);

/// <summary>A stored point; it knows its series so eviction from the global buffer can unlink it.</summary>
internal sealed record MetricPoint(
    MetricSeries Series,
    long StartUnixNano,
    long TimeUnixNano,
    double Value,
    HistogramData? Histogram);

/// <summary>An instrument of one resource and its series (one per attribute set). Guarded by the store's lock.</summary>
internal sealed class MetricInstrument(string key, InstrumentDescriptor descriptor)
{
    public string Key { get; } = key;

    public InstrumentDescriptor Descriptor { get; set; } = descriptor;

    public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
}

/// <summary>The points of one attribute set of an instrument, oldest first. Guarded by the store's lock.</summary>
internal sealed class MetricSeries(MetricInstrument instrument, string key, TelemetryAttribute[] attributes)
{
    public MetricInstrument Instrument { get; } = instrument;

    public string Key { get; } = key;

    public TelemetryAttribute[] Attributes { get; } = attributes;

    public RingQueue<MetricPoint> Points { get; } = new(4);
}
