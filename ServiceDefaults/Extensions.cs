using Deploy.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The service defaults every .NET service of a Deploy application calls, with the same names as Aspire's
/// ServiceDefaults template: <c>builder.AddServiceDefaults()</c> and <c>app.MapDefaultEndpoints()</c>.
/// </summary>
public static class Extensions
{
    /// <summary>
    /// OpenTelemetry over OTLP (when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), default health checks, service
    /// discovery, and the standard resilience handler plus service discovery on every HttpClient.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Order matters: resilience outermost, discovery inside it, so each attempt resolves the endpoint again.
            http.AddStandardResilienceHandler(StandardResilienceOptions.Default);
            http.AddServiceDiscovery();
        });
        return builder;
    }
}
