using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Deploy.Dashboard.Security;

/// <summary>
/// Browser-token login: <c>/login?t=TOKEN</c> (constant-time compare) sets an HttpOnly, SameSite=Strict session
/// cookie and redirects; every other page or API call without that cookie gets the login page or a 401.
/// The cookie holds a per-run random session secret, never the token, so it dies with the process.
/// State-changing API calls also need the <c>X-Dashboard-Request</c> header, which a cross-site form cannot send.
/// </summary>
internal sealed class BrowserAuth(string browserToken)
{
    public const string CookieName = "deploy_dashboard_session";
    public const string RequestHeader = "X-Dashboard-Request";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(browserToken);
    private readonly string _session = TokenGenerator.Create(32);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

        if (path.Equals("/login", StringComparison.OrdinalIgnoreCase))
        {
            await LoginAsync(context);
            return;
        }

        if (path.Equals("/logout", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Cookies.Delete(CookieName);
            context.Response.Redirect("/login");
            return;
        }

        if (!IsAuthenticated(request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            {
                await context.Response.WriteAsJsonAsync(new { error = "Not logged in: open the login link the dashboard printed at start." });
                return;
            }

            await LoginPage.WriteAsync(context, error: null);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !request.Headers.ContainsKey(RequestHeader))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = $"State-changing calls need the {RequestHeader} header." });
            return;
        }

        await next(context);
    }

    public bool IsAuthenticated(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var value) && value is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(_session));

    private async Task LoginAsync(HttpContext context)
    {
        var token = context.Request.Query["t"].ToString();
        if (token.Length == 0)
        {
            await LoginPage.WriteAsync(context, error: null);
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await LoginPage.WriteAsync(context, "That token is not valid for this run of the dashboard.");
            return;
        }

        context.Response.Cookies.Append(CookieName, _session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        context.Response.Redirect(SafeReturnUrl(context.Request.Query["returnUrl"].ToString()));
    }

    // Only local paths: an open redirect would let a crafted login link bounce the user elsewhere.
    private static string SafeReturnUrl(string returnUrl) =>
        returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
