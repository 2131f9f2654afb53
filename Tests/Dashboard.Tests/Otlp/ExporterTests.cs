using System.Diagnostics;
using System.Diagnostics.Metrics;
using Deploy.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Deploy.Dashboard.Tests.Otlp;

/// <summary>
/// The OpenTelemetry .NET SDK's own OTLP exporter, over gRPC and HTTP/protobuf, with the API key header the
/// orchestrator hands out; what it sends must come back out of the dashboard's JSON API.
/// </summary>
public sealed class ExporterTests : IAsyncLifetime
{
    private const string ApiKey = "exporter-test-key";
    private TestDashboard _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await TestDashboard.StartAsync(new DashboardOptions { OtlpApiKey = ApiKey });

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Export_Spans_TraceListAndWaterfallReturnThem(OtlpExportProtocol protocol)
    {
        var service = $"svc-{protocol}".ToLowerInvariant();
        using var source = new ActivitySource($"Test.{protocol}");
        string traceId;
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: "i1"))
            .AddSource(source.Name)
            .AddOtlpExporter(o => Configure(o, protocol, "traces"))
            .Build())
        {
            using (var root = source.StartActivity("GET /orders", ActivityKind.Server)!)
            {
                traceId = root.TraceId.ToHexString();
                root.SetTag("http.route", "/orders");
                using var child = source.StartActivity("SELECT orders", ActivityKind.Client)!;
                child.AddEvent(new ActivityEvent("rows read"));
                child.SetStatus(ActivityStatusCode.Error, "timeout");
            }

            Assert.True(provider.ForceFlush(10_000));
        }

        var list = await _dashboard.WaitForJsonAsync($"/api/traces?resource={service}", j => j.GetArrayLength() > 0);
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(traceId, row.GetProperty("traceId").GetString());
        Assert.Equal("GET /orders", row.GetProperty("rootName").GetString());
        Assert.Equal(2, row.GetProperty("spanCount").GetInt32());
        Assert.Equal(1, row.GetProperty("errorCount").GetInt32());
        Assert.Equal($"{service}-i1", row.GetProperty("rootResource").GetString());

        var detail = await _dashboard.GetJsonAsync($"/api/traces/{traceId}");
        var spans = detail.GetProperty("spans").EnumerateArray().ToList();
        Assert.Equal(["GET /orders", "SELECT orders"], spans.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([0, 1], spans.Select(s => s.GetProperty("depth").GetInt32()));
        Assert.Equal("error", spans[1].GetProperty("status").GetString());
        Assert.Equal("rows read", spans[1].GetProperty("events")[0].GetProperty("name").GetString());
        Assert.Contains(spans[0].GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "http.route");
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Export_Logs_StructuredLogApiReturnsThem(OtlpExportProtocol protocol)
    {
        var service = $"logs-{protocol}".ToLowerInvariant();
        using (var factory = LoggerFactory.Create(builder => builder.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service));
            o.AddOtlpExporter(e => Configure(e, protocol, "logs"));
        })))
        {
            var logger = factory.CreateLogger("Orders.Processor");
            logger.LogInformation("Processed order {OrderId}", 42);
            logger.LogError("Payment failed for {OrderId}", 43);
        } // disposing the factory flushes the exporter

        var page = await _dashboard.WaitForJsonAsync($"/api/logs?resource={service}", j => j.GetProperty("items").GetArrayLength() >= 2);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("error", items[0].GetProperty("level").GetString());
        Assert.Equal("Orders.Processor", items[0].GetProperty("scope").GetString());
        Assert.Contains(items[1].GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "OrderId" && a.GetProperty("value").GetString() == "42");

        var errors = await _dashboard.GetJsonAsync($"/api/logs?resource={service}&level=error");
        Assert.Equal(1, errors.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Export_Metrics_InstrumentsAndSeriesReturnThem(OtlpExportProtocol protocol)
    {
        var service = $"metrics-{protocol}".ToLowerInvariant();
        using var meter = new Meter($"Test.Meter.{protocol}");
        var counter = meter.CreateCounter<long>("orders.placed");
        var histogram = meter.CreateHistogram<double>("order.duration", unit: "ms");
        using (var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
            .AddMeter(meter.Name)
            .AddOtlpExporter(o => Configure(o, protocol, "metrics"))
            .Build())
        {
            counter.Add(3, new KeyValuePair<string, object?>("region", "eu"));
            for (var i = 1; i <= 100; i++)
            {
                histogram.Record(i);
            }

            Assert.True(provider.ForceFlush(10_000));
        }

        var instruments = await _dashboard.WaitForJsonAsync($"/api/metrics/instruments?resource={service}", j => j.GetArrayLength() >= 2);
        var byName = instruments.EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        Assert.Equal("sum", byName["orders.placed"].GetProperty("kind").GetString());
        Assert.Equal("histogram", byName["order.duration"].GetProperty("kind").GetString());

        var counterSeries = await _dashboard.GetJsonAsync($"/api/metrics/series?resource={service}&name=orders.placed");
        var series = counterSeries.GetProperty("series")[0];
        Assert.Equal(3, series.GetProperty("points")[0].GetProperty("value").GetDouble());
        Assert.Equal("eu", series.GetProperty("attributes")[0].GetProperty("value").GetString());

        var histogramSeries = await _dashboard.GetJsonAsync($"/api/metrics/series?resource={service}&name=order.duration");
        var point = histogramSeries.GetProperty("series")[0].GetProperty("points")[0];
        Assert.Equal(100, point.GetProperty("count").GetDouble());
        // The SDK's default buckets (…, 50, 75, 100, …) put the median in (25, 50] and p99 in (75, 100].
        Assert.InRange(point.GetProperty("p50").GetDouble(), 25, 50);
        Assert.InRange(point.GetProperty("p99").GetDouble(), 75, 100);
    }

    private void Configure(OtlpExporterOptions options, OtlpExportProtocol protocol, string signal)
    {
        options.Protocol = protocol;
        // Set in code, an HTTP endpoint is used as is, so it names the signal path itself.
        options.Endpoint = protocol == OtlpExportProtocol.Grpc
            ? new Uri(_dashboard.Urls.OtlpGrpcEndpoint!)
            : new Uri($"{_dashboard.Urls.OtlpHttpEndpoint}/v1/{signal}");
        options.Headers = $"x-otlp-api-key={ApiKey}";
        options.TimeoutMilliseconds = 10_000;
    }
}
