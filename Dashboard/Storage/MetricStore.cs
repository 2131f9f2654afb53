using System.Text;

namespace Deploy.Dashboard.Storage;

/// <summary>
/// Metric points in one bounded arrival-ordered buffer (oldest dropped first), grouped into
/// instrument → series → points. A series with no points left is removed, and an instrument with no series,
/// so high-cardinality attributes cannot grow memory past the point bound.
/// </summary>
internal sealed class MetricStore(int maxPoints)
{
    private readonly Lock _lock = new();
    private readonly RingQueue<MetricPoint> _buffer = new(Math.Min(maxPoints, 1024));
    private readonly Dictionary<string, MetricInstrument> _instruments = new(StringComparer.Ordinal);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _buffer.Count;
            }
        }
    }

    public int SeriesCount
    {
        get
        {
            lock (_lock)
            {
                return _instruments.Values.Sum(i => i.Series.Count);
            }
        }
    }

    public void AddRange(IReadOnlyList<MetricSample> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var builder = new StringBuilder();
        lock (_lock)
        {
            foreach (var sample in samples)
            {
                var descriptor = sample.Instrument;
                var instrumentKey = $"{descriptor.Resource.Key}\n{descriptor.Scope}\n{descriptor.Name}";
                if (!_instruments.TryGetValue(instrumentKey, out var instrument))
                {
                    instrument = new MetricInstrument(instrumentKey, descriptor);
                    _instruments[instrumentKey] = instrument;
                }
                else if (instrument.Descriptor != descriptor)
                {
                    instrument.Descriptor = descriptor;
                }

                var seriesKey = SeriesKey(sample.Attributes, builder);
                if (!instrument.Series.TryGetValue(seriesKey, out var series))
                {
                    series = new MetricSeries(instrument, seriesKey, sample.Attributes);
                    instrument.Series[seriesKey] = series;
                }

                if (_buffer.Count == maxPoints)
                {
                    Evict(_buffer.RemoveFirst());
                }

                var point = new MetricPoint(series, sample.StartUnixNano, sample.TimeUnixNano, sample.Value, sample.Histogram);
                _buffer.Add(point);
                series.Points.Add(point);
            }
        }

        Interlocked.Increment(ref _version);
    }

    /// <summary>Instruments (of resources matching the filter), sorted by resource, then name.</summary>
    public IReadOnlyList<(InstrumentDescriptor Descriptor, int SeriesCount)> Instruments(string? resource)
    {
        lock (_lock)
        {
            return [.. _instruments.Values
                .Where(i => i.Descriptor.Resource.Matches(resource))
                .Select(i => (i.Descriptor, i.Series.Count))
                .OrderBy(i => i.Descriptor.Resource.Key, StringComparer.OrdinalIgnoreCase)
                .ThenBy(i => i.Descriptor.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Copies of the series of one instrument name (every matching resource and scope), points since a time.</summary>
    public IReadOnlyList<(MetricSeries Series, MetricPoint[] Points)> Series(string? resource, string name, string? scope, long sinceUnixNano)
    {
        var result = new List<(MetricSeries, MetricPoint[])>();
        lock (_lock)
        {
            foreach (var instrument in _instruments.Values)
            {
                var descriptor = instrument.Descriptor;
                if (!string.Equals(descriptor.Name, name, StringComparison.Ordinal)
                    || !descriptor.Resource.Matches(resource)
                    || (!string.IsNullOrEmpty(scope) && !string.Equals(descriptor.Scope, scope, StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var series in instrument.Series.Values)
                {
                    var points = new List<MetricPoint>(series.Points.Count);
                    for (var i = 0; i < series.Points.Count; i++)
                    {
                        if (series.Points[i].TimeUnixNano >= sinceUnixNano)
                        {
                            points.Add(series.Points[i]);
                        }
                    }

                    result.Add((series, points.ToArray()));
                }
            }
        }

        return result;
    }

    private static string SeriesKey(TelemetryAttribute[] attributes, StringBuilder builder)
    {
        if (attributes.Length == 0)
        {
            return string.Empty;
        }

        builder.Clear();
        foreach (var attribute in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            builder.Append(attribute.Key).Append('=').Append(attribute.Value).Append('\n');
        }

        return builder.ToString();
    }

    private void Evict(MetricPoint oldest)
    {
        var series = oldest.Series;
        series.Points.RemoveFirst();
        if (series.Points.Count > 0)
        {
            return;
        }

        var instrument = series.Instrument;
        instrument.Series.Remove(series.Key);
        if (instrument.Series.Count == 0)
        {
            _instruments.Remove(instrument.Key);
        }
    }
}
