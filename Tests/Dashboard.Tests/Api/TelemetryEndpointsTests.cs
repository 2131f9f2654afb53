using System.Net;
using Deploy.Dashboard.Otlp;
using Deploy.Dashboard.Otlp.Proto.Metrics;
using Deploy.Dashboard.Tests.Infrastructure;
using static Deploy.Dashboard.Tests.Infrastructure.Otlp;

namespace Deploy.Dashboard.Tests.Api;

public sealed class TelemetryEndpointsTests : IAsyncLifetime
{
    private TestDashboard _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await TestDashboard.StartAsync();

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task GetTraces_Filters_ApplyErrorAndDuration()
    {
        new TraceIngester(_dashboard.Server.Store).Ingest(Traces("api", Span(1, 1, null, "fast", 0, 1), Span(2, 1, null, "slow", 0, 500), Span(3, 1, null, "broken", 0, 2, error: true)));

        var slow = await _dashboard.GetJsonAsync("/api/traces?minDurationMs=100");
        var errors = await _dashboard.GetJsonAsync("/api/traces?error=true");

        Assert.Equal(["slow"], slow.EnumerateArray().Select(t => t.GetProperty("rootName").GetString()));
        Assert.Equal(["broken"], errors.EnumerateArray().Select(t => t.GetProperty("rootName").GetString()));
    }

    [Fact]
    public async Task GetTrace_Unknown_Returns404()
    {
        using var response = await _dashboard.Client.GetAsync(new Uri("/api/traces/0123456789abcdef0123456789abcdef", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetLogs_TraceFilterAndPaging_ReturnLinkedLogsAndNextCursor()
    {
        new LogIngester(_dashboard.Server.Store, TimeProvider.System).Ingest(
            Logs("api", Log("one", trace: 5), Log("two", trace: 5), Log("three", trace: 6), Log("four", trace: 5)));

        var linked = await _dashboard.GetJsonAsync($"/api/logs?traceId={Hex(TraceId(5))}");
        var page = await _dashboard.GetJsonAsync("/api/logs?limit=2");
        var next = await _dashboard.GetJsonAsync($"/api/logs?limit=2&beforeId={page.GetProperty("nextBeforeId").GetInt64()}");

        Assert.Equal(["four", "two", "one"], linked.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("body").GetString()));
        Assert.Equal(["two", "one"], next.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task GetSeries_CumulativeHistogram_ReturnsPerIntervalPercentiles()
    {
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        HistogramDataPoint Point(ulong time, ulong[] counts) => new()
        {
            StartTimeUnixNano = 1, TimeUnixNano = time, Count = (ulong)counts.Sum(c => (long)c), Sum = 0,
            ExplicitBounds = { 10, 20, 30 }, BucketCounts = { counts },
        };
        var metric = new Metric
        {
            Name = "latency",
            Unit = "ms",
            Histogram = new Histogram
            {
                AggregationTemporality = AggregationTemporality.Cumulative,
                // Second interval adds 10 observations, all in (20,30].
                DataPoints = { Point(now - 1_000_000_000, [10, 0, 0, 0]), Point(now, [10, 0, 10, 0]) },
            },
        };
        new MetricIngester(_dashboard.Server.Store).Ingest(Metrics("api", metric));

        var json = await _dashboard.GetJsonAsync("/api/metrics/series?resource=api&name=latency");
        var points = json.GetProperty("series")[0].GetProperty("points");

        Assert.Equal("histogram", json.GetProperty("kind").GetString());
        Assert.Equal(10, points[1].GetProperty("count").GetDouble());
        Assert.InRange(points[1].GetProperty("p50").GetDouble(), 20, 30);
        Assert.InRange(points[0].GetProperty("p50").GetDouble(), 0, 10);
    }

    [Fact]
    public async Task TelemetryStream_NewSpans_EmitsChangedEvent()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        using var response = await _dashboard.Client.GetAsync(new Uri("/api/telemetry/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        await SseReader.NextAsync(reader, "changed", cts.Token); // initial state

        new TraceIngester(_dashboard.Server.Store).Ingest(Traces("api", Span(9, 1, null, "x", 0, 1)));
        var changed = await SseReader.NextAsync(reader, "changed", cts.Token);

        Assert.Contains("\"traces\":true", changed, StringComparison.Ordinal);
        Assert.Contains("\"logs\":false", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTelemetryResources_AfterIngest_ListsServiceAndInstance()
    {
        var request = Traces("web", Span(1, 1, null, "x", 0, 1));
        request.ResourceSpans[0].Resource.Attributes.Add(Attr("service.instance.id", "r1"));
        new TraceIngester(_dashboard.Server.Store).Ingest(request);

        var json = await _dashboard.GetJsonAsync("/api/telemetry/resources");

        var resource = Assert.Single(json.EnumerateArray());
        Assert.Equal(("web-r1", "web", "r1"), (resource.GetProperty("key").GetString(), resource.GetProperty("name").GetString(), resource.GetProperty("instanceId").GetString()));
    }
}
