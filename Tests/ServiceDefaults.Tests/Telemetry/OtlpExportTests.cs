using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

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
    public async Task AddServiceDefaults_OtlpEndpointSet_ServerActivityCarriesSemanticTags()
    {
        var path = "/tagged-" + Guid.NewGuid().ToString("N")[..8];
        var stopped = new TaskCompletionSource<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.path") as string == path + "/5")
                {
                    stopped.TrySetResult(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var service = await LoopbackServer.StartAsync(app => app.MapGet(path + "/{id}", (int id) => Results.StatusCode(201)), builder =>
        {
            // Nothing listens here; only the configuration's presence matters to AddServiceDefaults.
            builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
            builder.AddServiceDefaults();
        });
        using var client = new HttpClient { BaseAddress = service.Address };

        await client.GetAsync(new Uri(path + "/5", UriKind.Relative), Ct);
        var activity = await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(path + "/{id}", activity.GetTagItem("http.route"));
        Assert.Equal($"GET {path}/{{id}}", activity.DisplayName);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(201, activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public void AddServiceDefaults_NoOtlpEndpoint_RegistersNoProviders()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddServiceDefaults();
        using var host = builder.Build();

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddServiceDefaults_OtlpEndpointSet_RegistersProvidersDisposedWithHost()
    {
        // The application's own ActivitySource is subscribed; a unique name isolates this test from others.
        var applicationName = "app-" + Guid.NewGuid().ToString("N");
        using var appSource = new ActivitySource(applicationName);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = applicationName });
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        builder.AddServiceDefaults();
        var host = builder.Build();
        Assert.NotNull(host.Services.GetRequiredService<TracerProvider>());
        Assert.NotNull(host.Services.GetRequiredService<MeterProvider>());
        Assert.True(appSource.HasListeners());

        host.Dispose();

        Assert.False(appSource.HasListeners());
    }
}
