using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace Deploy.ServiceDefaults.Tests.Telemetry;

public sealed class OtlpExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddServiceDefaults_OtlpEndpointSet_PostsProtobufTracesWithRoute()
    {
        var route = "/items-" + Guid.NewGuid().ToString("N")[..8] + "/{id}";
        var exports = new ConcurrentQueue<(string? ContentType, byte[] Body)>();
        var traceArrived = new TaskCompletionSource();
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            exports.Enqueue((request.ContentType, body.ToArray()));
            if (Encoding.UTF8.GetString(body.ToArray()).Contains(route, StringComparison.Ordinal))
            {
                traceArrived.TrySetResult();
            }

            return Results.Ok();
        }));
        await using var service = await LoopbackServer.StartAsync(app => app.MapGet(route, (int id) => id * 2), builder =>
        {
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString().TrimEnd('/');
            builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
            builder.Configuration["OTEL_SERVICE_NAME"] = "otlp-test-service";
            builder.AddServiceDefaults();
        });
        using var client = new HttpClient { BaseAddress = service.Address };

        var response = await client.GetStringAsync(new Uri(route.Replace("{id}", "21", StringComparison.Ordinal), UriKind.Relative), Ct);
        await traceArrived.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal("42", response);
        var export = exports.First(e => Encoding.UTF8.GetString(e.Body).Contains(route, StringComparison.Ordinal));
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.Contains("otlp-test-service", Encoding.UTF8.GetString(export.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddServiceDefaults_OtlpEndpointSet_PostsLogsAndMetrics()
    {
        var logs = new TaskCompletionSource<string?>();
        var metrics = new TaskCompletionSource<string?>();
        await using var collector = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/logs", (HttpRequest request) => { logs.TrySetResult(request.ContentType); return Results.Ok(); });
            app.MapPost("/v1/metrics", (HttpRequest request) => { metrics.TrySetResult(request.ContentType); return Results.Ok(); });
        });
        await using var service = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "x"), builder =>
        {
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address.ToString();
            builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            builder.Configuration["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
            builder.Configuration["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
            builder.AddServiceDefaults();
        });
        using var client = new HttpClient { BaseAddress = service.Address };
        await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        service.App.Logger.LogWarning("hello from the test");

        Assert.Equal("application/x-protobuf", await logs.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct));
        Assert.Equal("application/x-protobuf", await metrics.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct));
    }

    [Fact]
    public void AddServiceDefaults_NoOtlpEndpoint_RegistersNoOtlpExporter()
    {
        var without = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var with = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        with.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";

        without.AddServiceDefaults();
        with.AddServiceDefaults();

        // UseOtlpExporter() registers the exporter's options factory; nothing else in the defaults does.
        Assert.DoesNotContain(without.Services, d => d.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>));
        Assert.Contains(with.Services, d => d.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>));
    }
}
