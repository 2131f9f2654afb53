using System.Net;
using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard;

/// <summary>How a <see cref="DashboardServer"/> listens, authenticates and bounds its memory.</summary>
public sealed record DashboardOptions
{
    /// <summary>Default OTLP request size limit: 8 MiB, well above an SDK batch of 512 spans.</summary>
    public const long DefaultMaxOtlpRequestBytes = 8 * 1024 * 1024;

    /// <summary>Address every listener binds to; loopback by default so nothing is reachable from other machines.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Port of the UI and JSON API; 0 picks a free port.</summary>
    public int UiPort { get; init; }

    /// <summary>Port of OTLP/HTTP (/v1/traces, /v1/logs, /v1/metrics); 0 picks a free port; null disables it.</summary>
    public int? OtlpHttpPort { get; init; } = 0;

    /// <summary>Port of OTLP/gRPC (HTTP/2 cleartext); 0 picks a free port; null disables it.</summary>
    public int? OtlpGrpcPort { get; init; } = 0;

    /// <summary>Token of the login link; a random one is generated per run when null.</summary>
    public string? BrowserToken { get; init; }

    /// <summary>Value required in the x-otlp-api-key header; null accepts any local sender (a warning is logged).</summary>
    public string? OtlpApiKey { get; init; }

    /// <summary>Largest OTLP request body (and decompressed message) accepted; larger ones get 413 / RESOURCE_EXHAUSTED.</summary>
    public long MaxOtlpRequestBytes { get; init; } = DefaultMaxOtlpRequestBytes;

    /// <summary>Bounds of the telemetry store.</summary>
    public TelemetryLimits Limits { get; init; } = new();

    /// <summary>Throws when the options cannot work, before anything binds.</summary>
    public void Validate()
    {
        Limits.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOtlpRequestBytes, 1024, nameof(MaxOtlpRequestBytes));
        int?[] ports = [UiPort, OtlpHttpPort, OtlpGrpcPort];
        foreach (var port in ports)
        {
            if (port is < 0 or > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(ports), port, "Ports must be between 0 and 65535.");
            }
        }

        if (ports.Where(p => p is > 0).GroupBy(p => p).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("The UI, OTLP/HTTP and OTLP/gRPC ports must differ: each port serves one kind of traffic.");
        }

        if (BrowserToken is { Length: < 8 })
        {
            throw new ArgumentException("The browser token must have at least 8 characters.", nameof(BrowserToken));
        }
    }
}
