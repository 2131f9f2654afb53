namespace Deploy.Dashboard.Storage;

/// <summary>Percentiles from bucketed distributions, and the per-interval view of cumulative histograms.</summary>
internal static class HistogramMath
{
    /// <summary>
    /// The value below which <paramref name="percentile"/> (0..100) of the observations fall, interpolated linearly
    /// inside the bucket that holds that rank; min and max (when sent) bound the first and overflow buckets.
    /// Null when the histogram is empty.
    /// </summary>
    public static double? Percentile(HistogramData data, double percentile)
    {
        if (data.Quantiles.Length > 0)
        {
            return FromQuantiles(data.Quantiles, percentile / 100.0);
        }

        ulong total = 0;
        foreach (var count in data.Counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1.0, percentile / 100.0 * total);
        double cumulative = 0;
        for (var i = 0; i < data.Counts.Length; i++)
        {
            var count = data.Counts[i];
            if (count == 0 || cumulative + count < rank)
            {
                cumulative += count;
                continue;
            }

            // OTLP buckets are (bounds[i-1], bounds[i]]; the first starts at min (or 0), the overflow ends at max.
            var lower = i == 0 ? data.Min ?? Math.Min(0, data.Bounds.Length > 0 ? data.Bounds[0] : 0) : data.Bounds[i - 1];
            var upper = i < data.Bounds.Length ? data.Bounds[i] : data.Max ?? lower;
            if (data.Min is { } min && min > lower)
            {
                lower = min;
            }

            if (data.Max is { } max && max < upper)
            {
                upper = max;
            }

            upper = Math.Max(upper, lower);
            var fraction = (rank - cumulative) / count;
            return lower + ((upper - lower) * fraction);
        }

        return data.Max ?? (data.Bounds.Length > 0 ? data.Bounds[^1] : null);
    }

    /// <summary>
    /// For cumulative histograms, the observations between two consecutive points of one series; the
    /// current point itself when the series restarted (new start time or counts went down).
    /// </summary>
    public static HistogramData Delta(HistogramData current, HistogramData? previous, bool sameStart)
    {
        if (previous is null || !sameStart || previous.Counts.Length != current.Counts.Length
            || previous.Count > current.Count || previous.Quantiles.Length > 0)
        {
            return current;
        }

        var counts = new ulong[current.Counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            if (current.Counts[i] < previous.Counts[i])
            {
                return current;
            }

            counts[i] = current.Counts[i] - previous.Counts[i];
        }

        // Min and max are over all time in a cumulative point, so they cannot bound an interval.
        return current with { Count = current.Count - previous.Count, Sum = current.Sum - previous.Sum, Counts = counts, Min = null, Max = null };
    }

    private static double? FromQuantiles(QuantileValue[] quantiles, double q)
    {
        var ordered = quantiles.OrderBy(v => v.Quantile).ToArray();
        if (q <= ordered[0].Quantile)
        {
            return ordered[0].Value;
        }

        for (var i = 1; i < ordered.Length; i++)
        {
            if (q <= ordered[i].Quantile)
            {
                var (a, b) = (ordered[i - 1], ordered[i]);
                var t = (q - a.Quantile) / (b.Quantile - a.Quantile);
                return a.Value + ((b.Value - a.Value) * t);
            }
        }

        return ordered[^1].Value;
    }
}
