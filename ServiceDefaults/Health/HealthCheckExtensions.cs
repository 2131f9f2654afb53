using Deploy.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>The default <c>/health</c> and <c>/alive</c> endpoints.</summary>
public static class HealthCheckExtensions
{
    /// <summary>Registers health checks with a <c>self</c> check tagged <c>live</c> (idempotent).</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var checks = builder.Services.AddHealthChecks();
        // A second "self" registration would make every probe fail with a duplicate-name error.
        if (!builder.Services.Any(d => d.ServiceType == typeof(SelfCheckMarker)))
        {
            builder.Services.AddSingleton<SelfCheckMarker>();
            checks.AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (all checks must pass: 200 <c>Healthy</c>, else 503) and <c>/alive</c> (only checks tagged
    /// <c>live</c>). Mapped in every environment because the orchestrator and Kubernetes probes rely on them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpoints.HealthPath);
        app.MapHealthChecks(HealthEndpoints.AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthEndpoints.LiveTag),
        });
        return app;
    }

    private sealed class SelfCheckMarker;
}
