using Deploy.Dashboard;
using Deploy.Dashboard.Security;
using Deploy.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Dashboard;

/// <summary>
/// The dashboard inside the AppHost in run mode: started before any resource (so every resource can be pointed at its
/// OTLP receiver), stopped after all of them (so their last telemetry and console lines still arrive). Each run gets a
/// new browser token and a new OTLP API key.
/// </summary>
internal sealed class DashboardHost : IAsyncDisposable
{
    private readonly DashboardServer _server;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string _otlpApiKey;

    private DashboardHost(DashboardServer server, ILoggerFactory loggerFactory, string otlpApiKey, DashboardUrls urls)
    {
        _server = server;
        _loggerFactory = loggerFactory;
        _otlpApiKey = otlpApiKey;
        Urls = urls;
    }

    /// <summary>Where it listens, with the login link.</summary>
    public DashboardUrls Urls { get; }

    /// <summary>Starts the dashboard over <paramref name="orchestrator"/>; null when <c>Dashboard:Enabled</c> is false.</summary>
    public static async Task<DashboardHost?> StartAsync(IConfiguration configuration, Orchestrator orchestrator, CancellationToken cancellationToken)
    {
        var settings = DashboardSettings.Read(configuration);
        if (!settings.Enabled)
            return null;

        var apiKey = TokenGenerator.Create();
        // The dashboard's own problems go to stderr, so they never mix with the resource lines on stdout.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Error));
        var server = new DashboardServer(settings.ToOptions(TokenGenerator.Create(), apiKey), new OrchestratorResourceService(orchestrator), loggerFactory);
        try
        {
            var urls = await server.StartAsync(cancellationToken);
            return new DashboardHost(server, loggerFactory, apiKey, urls);
        }
        catch
        {
            await server.DisposeAsync();
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>The OTEL_* settings that send a resource's telemetry here: gRPC when it listens (Aspire's preference).</summary>
    public OtlpEnvironment Telemetry(bool development) => Urls.OtlpGrpcEndpoint is { } grpc
        ? new OtlpEnvironment(grpc, "grpc", _otlpApiKey, development)
        : new OtlpEnvironment(Urls.OtlpHttpEndpoint!, "http/protobuf", _otlpApiKey, development);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _loggerFactory.Dispose();
    }
}
