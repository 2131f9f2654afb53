using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Deploy.ServiceDefaults.Telemetry;

/// <summary>
/// Resolves the tracer and meter providers when the host starts. They are lazy DI singletons; nothing else asks for
/// them, so without this the listeners would never attach. Being DI singletons, the host disposes (and flushes) them.
/// </summary>
internal sealed class TelemetryStartupService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
