using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Deploy.Dashboard.Ui;

/// <summary>
/// Serves the single-page UI (index.html + plain JS/CSS) from resources embedded in the assembly: no CDN, no
/// content root, nothing to deploy beside the DLL. Assets carry ETags so reloads are cheap.
/// </summary>
internal sealed class UiAssets
{
    private const string Prefix = "ui/";
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.OrdinalIgnoreCase);

    public UiAssets()
    {
        var assembly = typeof(UiAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            _assets[name[Prefix.Length..]] = new Asset(bytes, ContentType(name), $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
    }

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => ServeAsync(context, "index.html"));
        app.MapGet("/assets/{file}", (HttpContext context, string file) => ServeAsync(context, file));
    }

    private async Task ServeAsync(HttpContext context, string name)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = asset.ContentType;
        context.Response.ContentLength = asset.Bytes.Length;
        await context.Response.Body.WriteAsync(asset.Bytes, context.RequestAborted);
    }

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
