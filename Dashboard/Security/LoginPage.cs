using System.Net;
using Microsoft.AspNetCore.Http;

namespace Deploy.Dashboard.Security;

/// <summary>The only page an unauthenticated browser gets: self-contained, no scripts, a token field.</summary>
internal static class LoginPage
{
    public static Task WriteAsync(HttpContext context, string? error)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var message = error is null ? string.Empty : $"<p class=\"error\">{WebUtility.HtmlEncode(error)}</p>";
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Deploy dashboard – log in</title>
            <style>
              body { font: 15px system-ui, sans-serif; background: #f4f5f7; display: grid; place-items: center; height: 100vh; margin: 0; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; width: 26rem; }
              input { width: 100%; padding: .5rem; margin: .5rem 0 1rem; box-sizing: border-box; font-family: monospace; }
              button { padding: .5rem 1.2rem; } .error { color: #b00020; }
            </style></head>
            <body><form method="get" action="/login" id="login">
              <h1>Deploy dashboard</h1>
              <p>Open the login link printed by the app host, or paste its token.</p>{{message}}
              <label for="t">Token</label><input id="t" name="t" autocomplete="off" autofocus>
              <button type="submit">Log in</button>
            </form></body></html>
            """, context.RequestAborted);
    }
}
