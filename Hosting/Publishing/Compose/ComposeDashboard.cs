using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>The Aspire dashboard as a Compose service (<c>WithDashboard()</c>): every service that exports telemetry
/// sends it there over OTLP/gRPC, and its UI is published on the host.</summary>
/// <remarks>The UI keeps the dashboard's default browser-token login (the link is in
/// <c>docker compose logs &lt;target&gt;-dashboard</c>); the OTLP port is reachable only inside the Compose network.</remarks>
internal static class ComposeDashboard
{
    public const int UiPort = 18888;
    public const int OtlpGrpcPort = 18889;

    /// <summary>The dashboard image, at the version of the Aspire this AppHost runs.</summary>
    public static string Image
    {
        get
        {
            var version = typeof(IResource).Assembly.GetName().Version ?? new Version(13, 6);
            return string.Create(CultureInfo.InvariantCulture, $"mcr.microsoft.com/dotnet/aspire-dashboard:{version.Major}.{version.Minor}");
        }
    }

    public static string ServiceName(string targetName) => $"{targetName.ToLowerInvariant()}-dashboard";

    /// <summary>The telemetry settings of a service that exports it (a project: Aspire marks it with an OTLP annotation).</summary>
    public static void AddTelemetry(OrderedDictionary<string, object> environment, IResource resource, string targetName)
    {
        if (!resource.Annotations.OfType<OtlpExporterAnnotation>().Any())
            return;
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Create(CultureInfo.InvariantCulture, $"http://{ServiceName(targetName)}:{OtlpGrpcPort}");
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
        environment["OTEL_SERVICE_NAME"] = resource.Name;
    }

    /// <summary>Adds the dashboard service when the options ask for one.</summary>
    public static void AddTo(OrderedDictionary<string, object> services, ComposeOptions options, ComposeTopology topology, ComposeProblems problems)
    {
        if (options.Dashboard is not { } name)
            return;
        if (services.ContainsKey(name))
        {
            problems.Add(name, "Its service name is the one the target's dashboard takes.",
                "Rename the resource, or publish without the dashboard (WithDashboard(false)).");
            return;
        }

        services[name] = Service(topology.Services.SelectMany(topology.PublishedPorts), options.DefaultNetworkName);
    }

    // The UI is published on the first host port from 18888 that no other service takes.
    private static OrderedDictionary<string, object> Service(IEnumerable<string> publishedPorts, string? network)
    {
        var taken = publishedPorts.Select(p => p.Split(':')[0].Split('-')).Select(r => (From: int.Parse(r[0], CultureInfo.InvariantCulture),
            To: int.Parse(r[^1], CultureInfo.InvariantCulture))).ToList();
        var host = UiPort;
        while (taken.Any(r => host >= r.From && host <= r.To))
            host++;

        var environment = ComposeYaml.Map();
        environment["DASHBOARD__OTLP__AUTHMODE"] = "Unsecured";
        var service = ComposeYaml.Map();
        service["image"] = Image;
        service["environment"] = environment;
        service["ports"] = new List<ComposeQuoted> { new(string.Create(CultureInfo.InvariantCulture, $"{host}:{UiPort}")) };
        service["restart"] = "unless-stopped";
        if (network is not null)
            service["networks"] = new List<string> { network };
        return service;
    }
}
