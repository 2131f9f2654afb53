using Deploy.Dashboard.Otlp.Proto.Collector.Metrics;
using Deploy.Dashboard.Otlp.Proto.Metrics;
using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// Turns an OTLP metrics export into stored points. Points whose shape is invalid (no value, bucket counts not
/// matching the bounds, a metric with no data) are rejected; points flagged "no recorded value" are skipped.
/// </summary>
internal sealed class MetricIngester(TelemetryStore store)
{
    // Exponential histograms wider than this are refused rather than expanded into huge arrays.
    private const int MaxBuckets = 2_048;

    public IngestResult Ingest(ExportMetricsServiceRequest request)
    {
        var samples = new List<MetricSample>();
        var rejected = 0L;
        string? error = null;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = OtlpValues.Resource(store, resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = scopeMetrics.Scope?.Name ?? string.Empty;
                foreach (var metric in scopeMetrics.Metrics)
                {
                    var bad = Convert(metric, resource, scope, samples);
                    if (bad > 0)
                    {
                        rejected += bad;
                        error ??= $"metric '{metric.Name}' has {bad} invalid data point(s) or no data.";
                    }
                }
            }
        }

        store.Metrics.AddRange(samples);
        return IngestResult.From(samples.Count, rejected, error);
    }

    private int Convert(Metric metric, TelemetryResource resource, string scope, List<MetricSample> samples)
    {
        InstrumentDescriptor Describe(InstrumentKind kind, bool monotonic, AggregationTemporality temporality) =>
            new(resource, scope, metric.Name, metric.Description, metric.Unit, kind, monotonic, temporality == AggregationTemporality.Cumulative);

        var limits = store.Limits;
        var bad = 0;
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                bad += Numbers(metric.Gauge.DataPoints, Describe(InstrumentKind.Gauge, false, AggregationTemporality.Unspecified), samples);
                break;
            case Metric.DataOneofCase.Sum:
                bad += Numbers(metric.Sum.DataPoints, Describe(InstrumentKind.Sum, metric.Sum.IsMonotonic, metric.Sum.AggregationTemporality), samples);
                break;
            case Metric.DataOneofCase.Histogram:
                var histogram = Describe(InstrumentKind.Histogram, false, metric.Histogram.AggregationTemporality);
                foreach (var point in metric.Histogram.DataPoints)
                {
                    var counts = point.BucketCounts.ToArray();
                    if (counts.Length != 0 && counts.Length != point.ExplicitBounds.Count + 1)
                    {
                        bad++;
                        continue;
                    }

                    var data = new HistogramData(point.Count, point.HasSum ? point.Sum : 0, point.HasMin ? point.Min : null,
                        point.HasMax ? point.Max : null, [.. point.ExplicitBounds], counts, []);
                    samples.Add(Sample(histogram, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, data, limits));
                }

                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                var exponential = Describe(InstrumentKind.ExponentialHistogram, false, metric.ExponentialHistogram.AggregationTemporality);
                foreach (var point in metric.ExponentialHistogram.DataPoints)
                {
                    if (ExponentialToExplicit(point) is not { } data)
                    {
                        bad++;
                        continue;
                    }

                    samples.Add(Sample(exponential, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, data, limits));
                }

                break;
            case Metric.DataOneofCase.Summary:
                var summary = Describe(InstrumentKind.Summary, false, AggregationTemporality.Unspecified);
                foreach (var point in metric.Summary.DataPoints)
                {
                    var quantiles = point.QuantileValues.Select(q => new QuantileValue(q.Quantile, q.Value)).ToArray();
                    var data = new HistogramData(point.Count, point.Sum, null, null, [], [], quantiles);
                    samples.Add(Sample(summary, point.Attributes, point.StartTimeUnixNano, point.TimeUnixNano, data, limits));
                }

                break;
            default:
                bad++;
                break;
        }

        return bad;
    }

    private int Numbers(IEnumerable<NumberDataPoint> points, InstrumentDescriptor descriptor, List<MetricSample> samples)
    {
        var bad = 0;
        foreach (var point in points)
        {
            double value;
            switch (point.ValueCase)
            {
                case NumberDataPoint.ValueOneofCase.AsDouble:
                    value = point.AsDouble;
                    break;
                case NumberDataPoint.ValueOneofCase.AsInt:
                    value = point.AsInt;
                    break;
                default:
                    // Flag bit 1 is NO_RECORDED_VALUE: a legitimate gap, not an error.
                    bad += (point.Flags & 1) == 0 ? 1 : 0;
                    continue;
            }

            samples.Add(new MetricSample(descriptor, OtlpValues.Attributes(point.Attributes, store.Limits),
                OtlpValues.Nanos(point.StartTimeUnixNano), OtlpValues.Nanos(point.TimeUnixNano), value, null));
        }

        return bad;
    }

    private static MetricSample Sample(
        InstrumentDescriptor descriptor, Google.Protobuf.Collections.RepeatedField<Proto.Common.KeyValue> attributes,
        ulong start, ulong time, HistogramData data, TelemetryLimits limits) =>
        new(descriptor, OtlpValues.Attributes(attributes, limits), OtlpValues.Nanos(start), OtlpValues.Nanos(time),
            data.Count == 0 ? 0 : data.Sum / data.Count, data);

    /// <summary>
    /// Positive bucket k of scale s covers (base^k, base^(k+1)] with base = 2^(2^-s). The zero bucket (and the
    /// rarely used negative range) becomes the first explicit bucket, ending at the zero threshold.
    /// </summary>
    internal static HistogramData? ExponentialToExplicit(ExponentialHistogramDataPoint point)
    {
        var positive = point.Positive?.BucketCounts ?? [];
        if (positive.Count > MaxBuckets || point.Scale is < -10 or > 20)
        {
            return null;
        }

        var negativeTotal = (point.Negative?.BucketCounts ?? []).Aggregate(0UL, (a, b) => a + b);
        var factor = Math.Pow(2, -point.Scale);
        var offset = point.Positive?.Offset ?? 0;
        var bounds = new double[positive.Count + 2];
        var counts = new ulong[positive.Count + 3];
        bounds[0] = point.ZeroThreshold;
        counts[0] = point.ZeroCount + negativeTotal;
        for (var i = 0; i <= positive.Count; i++)
        {
            bounds[i + 1] = Math.Pow(2, (offset + i) * factor);
        }

        for (var i = 0; i < positive.Count; i++)
        {
            counts[i + 2] = positive[i];
        }

        return new HistogramData(point.Count, point.HasSum ? point.Sum : 0, point.HasMin ? point.Min : null,
            point.HasMax ? point.Max : null, bounds, counts, []);
    }
}
