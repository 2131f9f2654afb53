using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Deploy.Dashboard.Api;

/// <summary>Writes text/event-stream responses: <c>event: NAME</c> + one <c>data:</c> line of JSON per event.</summary>
internal static class ServerSentEvents
{
    public static async Task StartAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // The first comment reaches the client at once, so it knows the stream is open.
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteAsync<T>(HttpContext context, string eventName, T data)
    {
        var json = JsonSerializer.Serialize(data, ApiJson.Options);
        await context.Response.WriteAsync($"event: {eventName}\ndata: {json}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>A comment line that keeps proxies from closing an idle stream and surfaces dead clients.</summary>
    public static async Task HeartbeatAsync(HttpContext context)
    {
        await context.Response.WriteAsync(": ping\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
