using Deploy.Dashboard.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Deploy.Dashboard.Api;

/// <summary>Telemetry resources, structured logs, traces, and the live "telemetry changed" stream.</summary>
internal static class TelemetryEndpoints
{
    private const int MaxPage = 1_000;

    public static void Map(IEndpointRouteBuilder app, TelemetryStore store)
    {
        app.MapGet("/api/telemetry/resources", () =>
            Results.Json(store.Resources.Snapshot().Select(r => r.ToDto()), ApiJson.Options));

        app.MapGet("/api/logs", (string? resource, string? level, string? text, string? traceId, string? spanId, long? beforeId, long? afterId, int? limit) =>
        {
            var size = Math.Clamp(limit ?? 200, 1, MaxPage);
            var entries = store.Logs.Query(new LogQuery(resource, LogLevels.MinSeverity(level), text, traceId, spanId, beforeId ?? 0, afterId ?? 0, size));
            var items = entries.Select(ToDto).ToList();
            return Results.Json(new LogPage(items, items.Count == size ? items[^1].Id : null), ApiJson.Options);
        });

        app.MapGet("/api/traces", (string? resource, double? minDurationMs, bool? error, string? text, int? limit) =>
        {
            var query = new TraceQuery(resource, minDurationMs ?? 0, error ?? false, text, Math.Clamp(limit ?? 200, 1, MaxPage));
            var rows = store.Spans.QueryTraces(query)
                .OrderByDescending(t => t.StartUnixNano)
                .Select(t => new TraceListItemDto(t.TraceId, t.RootName, t.RootResource, ApiJson.Ms(t.StartUnixNano), t.DurationMs,
                    t.SpanCount, t.ErrorCount, t.Resources, t.Incomplete));
            return Results.Json(rows, ApiJson.Options);
        });

        app.MapGet("/api/traces/{traceId}", (string traceId) =>
            store.Spans.GetTrace(traceId.ToLowerInvariant()) is { } spans
                ? Results.Json(TraceWaterfall.Build(traceId.ToLowerInvariant(), spans), ApiJson.Options)
                : Results.Json(new { error = $"Trace {traceId} is not in the store (never received, or evicted)." }, ApiJson.Options, statusCode: 404));

        app.MapGet("/api/telemetry/stream", (HttpContext context) => StreamChangesAsync(context, store));
    }

    public static LogDto ToDto(LogEntry e) => new(
        e.Id, e.Resource.Key, e.Scope, ApiJson.Ms(e.TimeUnixNano), LogLevels.Name(e.SeverityNumber), e.SeverityNumber,
        e.SeverityText, e.Body, e.Attributes, e.TraceId, e.SpanId, e.EventName);

    // Pushes at most one "changed" event per 500 ms naming the signals that received data, so pages refresh
    // on demand instead of polling, and a flood of telemetry never floods the browser.
    private static async Task StreamChangesAsync(HttpContext context, TelemetryStore store)
    {
        await ServerSentEvents.StartAsync(context);
        long traces = -1, logs = -1, metrics = -1;
        var quiet = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            do
            {
                var (t, l, m) = (store.Spans.Version, store.Logs.Version, store.Metrics.Version);
                if (t != traces || l != logs || m != metrics)
                {
                    await ServerSentEvents.WriteAsync(context, "changed", new { traces = t != traces, logs = l != logs, metrics = m != metrics });
                    (traces, logs, metrics, quiet) = (t, l, m, 0);
                }
                else if (++quiet % 30 == 0)
                {
                    await ServerSentEvents.HeartbeatAsync(context);
                }
            }
            while (await timer.WaitForNextTickAsync(context.RequestAborted));
        }
        catch (OperationCanceledException)
        {
            // The browser closed the page.
        }
    }
}
