using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Deploy.ServiceDefaults.Tests.Telemetry;

/// <summary>What the trace pipeline records, read from an in-memory exporter added next to the defaults.</summary>
public sealed class TracingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Decides whether the old ServerSpanEnricher is needed: ASP.NET Core 10 alone leaves http.route off the server
    // span; the instrumentation package must add it, with the "{method} {route}" name and the status code.
    [Fact]
    public async Task AddServiceDefaults_RoutedRequest_ServerSpanHasRouteNameAndStatus()
    {
        var exported = new List<Activity>();
        int port;
        await using (var service = await StartAsync(exported, app => app.MapGet("/items/{id}", (int id) => Results.StatusCode(201))))
        {
            port = service.Address.Port;
            using var client = new HttpClient { BaseAddress = service.Address };
            await client.GetAsync(new Uri("/items/5", UriKind.Relative), Ct);
        }

        var span = Assert.Single(ServerSpans(exported, port));
        Assert.Equal("/items/{id}", span.GetTagItem("http.route"));
        Assert.Equal("GET /items/{id}", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(201, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task AddServiceDefaults_FailingRequest_ServerSpanIsError()
    {
        var exported = new List<Activity>();
        int port;
        await using (var service = await StartAsync(exported, app => app.MapGet("/fail", () => Results.StatusCode(503))))
        {
            port = service.Address.Port;
            using var client = new HttpClient { BaseAddress = service.Address };
            await client.GetAsync(new Uri("/fail", UriKind.Relative), Ct);
        }

        var span = Assert.Single(ServerSpans(exported, port));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("503", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task AddServiceDefaults_HealthProbes_NotTraced()
    {
        var exported = new List<Activity>();
        int port;
        await using (var service = await StartAsync(exported, app =>
        {
            app.MapDefaultEndpoints();
            app.MapGet("/healthy-food", () => "ok");
        }))
        {
            port = service.Address.Port;
            using var client = new HttpClient { BaseAddress = service.Address };
            foreach (var path in new[] { "/health", "/alive", "/healthy-food" })
                await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        }

        var span = Assert.Single(ServerSpans(exported, port));
        Assert.Equal("/healthy-food", span.GetTagItem("url.path"));
    }

    [Fact]
    public void AddServiceDefaults_ApplicationSource_SubscribedUntilHostDisposed()
    {
        // The application's own ActivitySource is subscribed; a unique name isolates this test from others.
        var applicationName = "app-" + Guid.NewGuid().ToString("N");
        using var appSource = new ActivitySource(applicationName);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = applicationName });
        builder.AddServiceDefaults();
        var host = builder.Build();
        Assert.NotNull(host.Services.GetRequiredService<TracerProvider>());
        Assert.True(appSource.HasListeners());

        host.Dispose();

        Assert.False(appSource.HasListeners());
    }

    // ActivitySources are process-wide, so the provider also sees servers of tests running in parallel: keep this one's.
    private static IEnumerable<Activity> ServerSpans(List<Activity> exported, int port) =>
        exported.Where(a => a.Kind == ActivityKind.Server && a.GetTagItem("server.port") is int serverPort && serverPort == port);

    // Disposing the server disposes the tracer provider, which flushes every finished span to the list.
    private static Task<LoopbackServer> StartAsync(List<Activity> exported, Action<WebApplication> map) =>
        LoopbackServer.StartAsync(map, builder =>
        {
            builder.AddServiceDefaults();
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        });
}
