using Deploy.Dashboard.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Deploy.Dashboard.Api;

/// <summary>Instrument lists and series over time; histograms become per-interval percentiles.</summary>
internal static class MetricEndpoints
{
    private const int MaxPointsPerSeries = 600;

    public static void Map(IEndpointRouteBuilder app, TelemetryStore store, TimeProvider time)
    {
        app.MapGet("/api/metrics/instruments", (string? resource) =>
            Results.Json(store.Metrics.Instruments(resource).Select(i => new InstrumentDto(
                i.Descriptor.Resource.Key, i.Descriptor.Scope, i.Descriptor.Name, i.Descriptor.Description, i.Descriptor.Unit,
                KindName(i.Descriptor.Kind), i.Descriptor.IsMonotonic, i.SeriesCount)), ApiJson.Options));

        app.MapGet("/api/metrics/series", (string name, string? resource, string? scope, double? minutes) =>
        {
            var since = time.GetUtcNow().AddMinutes(-Math.Clamp(minutes ?? 5, 0.1, 24 * 60)).ToUnixTimeMilliseconds() * 1_000_000;
            var found = store.Metrics.Series(resource, name, scope, since);
            if (found.Count == 0)
            {
                return Results.Json(new { error = $"No series of instrument '{name}' in range." }, ApiJson.Options, statusCode: 404);
            }

            var descriptor = found[0].Series.Instrument.Descriptor;
            var series = found.Select(f => new SeriesDto(f.Series.Instrument.Descriptor.Resource.Key, f.Series.Attributes, Points(f.Points)))
                .ToList();
            return Results.Json(new MetricSeriesResponse(descriptor.Name, descriptor.Description, descriptor.Unit, KindName(descriptor.Kind), series), ApiJson.Options);
        });
    }

    internal static List<PointDto> Points(MetricPoint[] points)
    {
        // Long ranges are thinned to a fixed number of points: the chart cannot show more anyway.
        var step = Math.Max(1, (int)Math.Ceiling(points.Length / (double)MaxPointsPerSeries));
        var result = new List<PointDto>(Math.Min(points.Length, MaxPointsPerSeries + 1));
        for (var i = 0; i < points.Length; i += step)
        {
            var point = points[i];
            if (point.Histogram is not { } histogram)
            {
                result.Add(new PointDto(ApiJson.Ms(point.TimeUnixNano), point.Value));
                continue;
            }

            var previous = i > 0 && point.Series.Instrument.Descriptor.IsCumulative ? points[i - 1] : null;
            var interval = HistogramMath.Delta(histogram, previous?.Histogram, previous?.StartUnixNano == point.StartUnixNano);
            result.Add(new PointDto(
                ApiJson.Ms(point.TimeUnixNano),
                interval.Count == 0 ? null : interval.Sum / interval.Count,
                interval.Count,
                HistogramMath.Percentile(interval, 50),
                HistogramMath.Percentile(interval, 90),
                HistogramMath.Percentile(interval, 99)));
        }

        return result;
    }

    private static string KindName(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Gauge => "gauge",
        InstrumentKind.Sum => "sum",
        InstrumentKind.Histogram => "histogram",
        InstrumentKind.ExponentialHistogram => "exponentialHistogram",
        _ => "summary",
    };
}
