using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The service defaults every .NET service of the reference application calls: Aspire's service-defaults template
/// (<c>builder.AddServiceDefaults()</c>, <c>app.MapDefaultEndpoints()</c>) on the OpenTelemetry, service discovery and
/// resilience packages.
/// </summary>
public static class Extensions
{
    /// <summary>Readiness: every registered check must pass.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>Liveness: only checks tagged <see cref="LiveTag"/>.</summary>
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The tag that puts a check on <see cref="AlivenessEndpointPath"/>.</summary>
    public const string LiveTag = "live";

    private const string SelfCheckName = "self";

    /// <summary>
    /// OpenTelemetry (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the default health checks,
    /// service discovery, and the standard resilience handler plus service discovery on every HttpClient.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience outermost, discovery inside it, so every retry resolves the endpoint again.
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// Logs, metrics and traces: ASP.NET Core, HttpClient and runtime instrumentation plus the application's own
    /// ActivitySource and Meter (both named after the application). Health-probe requests are left out of traces: the
    /// orchestrator and Kubernetes probe every few seconds, and those spans would bury the real requests.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var applicationName = builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(applicationName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(applicationName)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        // The exporter reads the standard OTEL_* settings (protocol, headers, service name, resource attributes).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Registers health checks with a <c>self</c> check tagged <c>live</c>; calling it again adds nothing.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks();
        // A second "self" registration would make every probe fail with a duplicate-name error.
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            if (!options.Registrations.Any(registration => registration.Name == SelfCheckName))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    SelfCheckName, _ => new SelfHealthCheck(), failureStatus: null, tags: [LiveTag]));
            }
        });
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (all checks must pass: 200 <c>Healthy</c>, else 503) and <c>/alive</c> (only checks tagged
    /// <c>live</c>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Mapped in every environment, not only Development as in Aspire's template: the published Kubernetes
        // readiness and liveness probes, and the AppHost's WithHttpHealthCheck("/health"), call these paths in
        // Production too. They report only Healthy/Unhealthy, never the checks' details.
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });
        return app;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);

    private sealed class SelfHealthCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy());
    }
}
