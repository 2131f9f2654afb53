using Deploy.Dashboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Standalone OTLP viewer: `dotnet run --project Dashboard [-- --UiPort 18888 --OtlpGrpcPort 18889 --OtlpHttpPort 18890
//   --OtlpApiKey KEY --BrowserToken TOKEN]`. Settings also come from DEPLOY_DASHBOARD_* environment variables.
// Default ports are Aspire's standalone ones, so existing OTEL_EXPORTER_OTLP_ENDPOINT settings keep working.
var config = new ConfigurationBuilder()
    .AddEnvironmentVariables("DEPLOY_DASHBOARD_")
    .AddCommandLine(args)
    .Build();

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(o => o.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft", LogLevel.Warning));

var options = new DashboardOptions
{
    UiPort = config.GetValue("UiPort", 18888),
    OtlpGrpcPort = config.GetValue("OtlpGrpcPort", 18889),
    OtlpHttpPort = config.GetValue("OtlpHttpPort", 18890),
    OtlpApiKey = config["OtlpApiKey"],
    BrowserToken = config["BrowserToken"],
};

await using var server = new DashboardServer(options, resources: null, loggerFactory);
var urls = await server.StartAsync();
Console.WriteLine($"Login to the dashboard at {urls.LoginUrl}");
Console.WriteLine($"OTLP/gRPC endpoint: {urls.OtlpGrpcEndpoint}   OTLP/HTTP endpoint: {urls.OtlpHttpEndpoint}");
Console.WriteLine("Press Ctrl+C to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
await stop.Task;
