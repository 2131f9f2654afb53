using Deploy.Dashboard.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Deploy.Dashboard.Api;

/// <summary>Resources (snapshot, live stream, commands) and console logs (live stream), read from <see cref="IResourceService"/>.</summary>
internal static class ResourceEndpoints
{
    private const int LinesPerEvent = 500;

    public static void Map(IEndpointRouteBuilder app, IResourceService service)
    {
        app.MapGet("/api/resources", () => Results.Json(service.GetResources().Select(Mask), ApiJson.Options));

        app.MapGet("/api/resources/stream", (HttpContext context) => StreamResourcesAsync(context, service));

        app.MapPost("/api/resources/{name}/commands/{command}", async (string name, string command, CancellationToken cancellationToken) =>
        {
            if (!IResourceService.Commands.Contains(command))
            {
                return Results.Json(ResourceCommandResult.Failure($"Unknown command '{command}'; use start, stop or restart."), ApiJson.Options, statusCode: 400);
            }

            var result = await service.ExecuteCommandAsync(name, command, cancellationToken);
            return Results.Json(result, ApiJson.Options, statusCode: result.Succeeded ? 200 : 409);
        });

        app.MapGet("/api/console/stream", (HttpContext context, string? resource) => StreamConsoleAsync(context, service, resource));
    }

    /// <summary>Secret values never leave the server.</summary>
    public static ResourceView Mask(ResourceView resource) =>
        resource.Environment.Any(e => e.IsSecret)
            ? resource with { Environment = [.. resource.Environment.Select(e => e.IsSecret ? e with { Value = null } : e)] }
            : resource;

    private static async Task StreamResourcesAsync(HttpContext context, IResourceService service)
    {
        await ServerSentEvents.StartAsync(context);
        try
        {
            // Start watching before taking the snapshot, so no change can fall between the two.
            await using var changes = service.WatchResourcesAsync(context.RequestAborted).GetAsyncEnumerator(context.RequestAborted);
            var next = changes.MoveNextAsync();
            await ServerSentEvents.WriteAsync(context, "snapshot", service.GetResources().Select(Mask));
            while (await next)
            {
                var change = changes.Current;
                await ServerSentEvents.WriteAsync(context, change.Kind == ResourceChangeKind.Delete ? "delete" : "upsert", Mask(change.Resource));
                next = changes.MoveNextAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The browser closed the page.
        }
    }

    private static async Task StreamConsoleAsync(HttpContext context, IResourceService service, string? resource)
    {
        await ServerSentEvents.StartAsync(context);
        try
        {
            var first = true;
            await foreach (var batch in service.WatchConsoleLogsAsync(string.IsNullOrEmpty(resource) ? null : resource, context.RequestAborted))
            {
                for (var i = 0; i < batch.Count; i += LinesPerEvent)
                {
                    await ServerSentEvents.WriteAsync(context, "lines", batch.Skip(i).Take(LinesPerEvent));
                }

                if (first)
                {
                    // Tells the page the backlog is complete, so it can scroll to the end once.
                    await ServerSentEvents.WriteAsync(context, "backlogEnd", batch.Count);
                    first = false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The browser closed the page.
        }
    }
}
