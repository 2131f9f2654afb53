using Deploy.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>OpenTelemetry set up with the core SDK only (no OpenTelemetry.Extensions.Hosting or instrumentation packages).</summary>
public static class TelemetryExtensions
{
    /// <summary>The variable whose presence turns telemetry on; the orchestrator sets it for every service.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// When <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, exports traces, metrics and logs over OTLP, configured by the
    /// standard <c>OTEL_*</c> variables (protocol, headers, service name, resource attributes, batch delays). Does
    /// nothing otherwise. Providers are host singletons, so they are flushed and disposed with the host.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey])
            || builder.Services.Any(d => d.ServiceType == typeof(TelemetryStartupService)))
        {
            return builder;
        }

        // Must happen before the web host builds its diagnostics object, i.e. before app.Run(); an explicit
        // runtimeconfig setting by the app wins.
        if (!AppContext.TryGetSwitch(TelemetryNames.SuppressAspNetCoreActivityDataSwitch, out _))
        {
            AppContext.SetSwitch(TelemetryNames.SuppressAspNetCoreActivityDataSwitch, false);
        }

        var applicationName = builder.Environment.ApplicationName;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logging => logging
            .ConfigureResource(resource => DescribeService(resource, applicationName))
            .AddOtlpExporter());

        builder.Services.TryAddSingleton(services => Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(sdk => sdk.AddSingleton(services.GetRequiredService<IConfiguration>()))
            .ConfigureResource(resource => DescribeService(resource, applicationName))
            .AddSource([applicationName, .. TelemetryNames.ActivitySources])
            .SetSampler(new HealthProbeFilterSampler())
            .AddOtlpExporter()
            .Build());
        builder.Services.TryAddSingleton(services => Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(sdk => sdk.AddSingleton(services.GetRequiredService<IConfiguration>()))
            .ConfigureResource(resource => DescribeService(resource, applicationName))
            .AddMeter([applicationName, .. TelemetryNames.Meters])
            .AddOtlpExporter()
            .Build());
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TelemetryStartupService>());
        builder.Services.AddSingleton<IStartupFilter, ServerSpanEnricher>();
        return builder;
    }

    // The Sdk.Create* builders read OTEL_* from the process environment only; handing them the host's configuration
    // (environment included) lets appsettings and tests set the same keys. Environment detectors run last so that
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override the application-name default.
    private static void DescribeService(ResourceBuilder resource, string applicationName) => resource
        .Clear()
        .AddService(applicationName)
        .AddTelemetrySdk()
        .AddEnvironmentVariableDetector();
}
