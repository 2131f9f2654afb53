using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Telemetry;

/// <summary>The built-in ActivitySources and Meters the service defaults subscribe to.</summary>
public static class TelemetryNames
{
    /// <summary>Trace sources: ASP.NET Core server spans, HttpClient client spans, Npgsql and our Redis client.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        RedisTelemetry.ActivitySourceName,
    ];

    /// <summary>Meters: runtime, ASP.NET Core hosting/Kestrel/routing/diagnostics, HttpClient, DNS and Npgsql.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Net.NameResolution",
        "Npgsql",
    ];

    /// <summary>
    /// The AppContext switch that, on ASP.NET Core 10, keeps semantic-convention tags (<c>http.route</c>,
    /// <c>http.request.method</c>, <c>http.response.status_code</c>, ...) off the server activity unless set to false.
    /// </summary>
    public const string SuppressAspNetCoreActivityDataSwitch = "Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData";
}
