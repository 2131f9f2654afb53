using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Deploy.ServiceDefaults.Telemetry;

/// <summary>
/// Completes ASP.NET Core 10's server span. With <see cref="TelemetryNames.SuppressAspNetCoreActivityDataSwitch"/> off,
/// .NET 10 sets only the creation tags (method, scheme, path, server address); <c>http.route</c>,
/// <c>http.response.status_code</c>, the <c>{method} {route}</c> name and error status arrive natively only in
/// .NET 11, so this middleware, placed first in the pipeline by a startup filter, adds them when the request ends.
/// </summary>
internal sealed class ServerSpanEnricher : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(EnrichAsync);
        next(app);
    };

    private static async Task EnrichAsync(HttpContext context, RequestDelegate next)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not { IsAllDataRequested: true })
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            Complete(activity, context, StatusCodes.Status500InternalServerError);
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.AddException(ex);
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }

        Complete(activity, context, context.Response.StatusCode);
    }

    private static void Complete(Activity activity, HttpContext context, int statusCode)
    {
        activity.SetTag("http.response.status_code", statusCode);
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            var normalized = route.StartsWith('/') ? route : "/" + route;
            activity.SetTag("http.route", normalized);
            activity.DisplayName = $"{context.Request.Method} {normalized}";
        }
        else
        {
            activity.DisplayName = context.Request.Method;
        }

        if (statusCode >= 500)
        {
            activity.SetTag("error.type", statusCode.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
