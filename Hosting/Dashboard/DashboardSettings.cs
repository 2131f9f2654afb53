using System.Globalization;
using Aspire.Hosting;
using Deploy.Dashboard;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Dashboard;

/// <summary>
/// The in-process dashboard's configuration: <c>Dashboard:Enabled</c> (default true), <c>Dashboard:UiPort</c>,
/// <c>Dashboard:OtlpGrpcPort</c>, <c>Dashboard:OtlpHttpPort</c> (0, the default, picks a free port each run). Aspire's own
/// variables are honoured too, so an AppHost's existing launch profile keeps its ports: <c>ASPNETCORE_URLS</c> (UI),
/// <c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c> (gRPC) and <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c> (HTTP); only their
/// ports are used, since the dashboard always binds to loopback over plain HTTP.
/// </summary>
internal sealed record DashboardSettings(bool Enabled, int UiPort, int OtlpGrpcPort, int OtlpHttpPort)
{
    /// <summary>Reads the settings; <c>Dashboard:*</c> keys win over Aspire's variables.</summary>
    public static DashboardSettings Read(IConfiguration configuration) => new(
        configuration.GetValue("Dashboard:Enabled", true),
        Port(configuration, "Dashboard:UiPort", "ASPNETCORE_URLS"),
        Port(configuration, "Dashboard:OtlpGrpcPort", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"),
        Port(configuration, "Dashboard:OtlpHttpPort", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"));

    /// <summary>The server options, with this run's secrets.</summary>
    public DashboardOptions ToOptions(string browserToken, string otlpApiKey) => new()
    {
        UiPort = UiPort,
        OtlpGrpcPort = OtlpGrpcPort,
        OtlpHttpPort = OtlpHttpPort,
        BrowserToken = browserToken,
        OtlpApiKey = otlpApiKey,
    };

    private static int Port(IConfiguration configuration, string key, params string[] urlVariables)
    {
        if (configuration[key] is { Length: > 0 } text)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : throw new DistributedApplicationException($"Configuration '{key}' must be a port number, not '{text}'.");
        }

        foreach (var variable in urlVariables)
        {
            // ASPNETCORE_URLS may list several URLs (separated by ';'); the first one is the UI's.
            var first = configuration[variable]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is null)
                continue;
            return Uri.TryCreate(first.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri.Port
                : throw new DistributedApplicationException($"'{variable}' must be a URL such as http://localhost:18888, not '{first}'.");
        }

        return 0;
    }
}
