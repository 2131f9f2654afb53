using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>One served endpoint of a container app. The main ingress carries <see cref="IsMain"/>; the others become
/// additional port mappings (plain TCP, exposed on their own port).</summary>
internal sealed record AppPort(string EndpointName, int TargetPort, string Scheme, string Transport, bool IsExternal, bool IsMain)
{
    public bool IsHttp => Transport is "http" or "http2";

    /// <summary>HTTP on the main ingress is served by the environment's front door on 80/443 under the app's FQDN.</summary>
    public bool IsIngressHttp => IsMain && IsHttp;
}

/// <summary>Decides each endpoint's port and which one is the app's main ingress.</summary>
/// <remarks>Ports follow <see cref="ContainerPorts"/>. The main ingress is the first external HTTP endpoint,
/// else the first HTTP one, else the first TCP one, as azd chooses it.</remarks>
internal static class AzurePorts
{
    public static Dictionary<IResource, IReadOnlyList<AppPort>> Plan(IEnumerable<IResource> apps, List<string> errors)
    {
        var result = new Dictionary<IResource, IReadOnlyList<AppPort>>();
        foreach (var app in apps)
            result[app] = PlanOne(app, errors);
        return result;
    }

    private static List<AppPort> PlanOne(IResource resource, List<string> errors)
    {
        var planned = ContainerPorts.Assign(resource, errors, endpoint => endpoint.Protocol == ProtocolType.Udp
            ? $"Resource '{resource.Name}': endpoint '{endpoint.Name}' is UDP, which Azure Container Apps ingress does not carry. " +
              "Fix: serve it over TCP or HTTP, or deploy this resource outside Container Apps."
            : null);

        static bool IsHttp(EndpointAnnotation e) => e.Transport is "http" or "http2";
        var main = planned.FirstOrDefault(p => IsHttp(p.Endpoint) && p.Endpoint.IsExternal).Endpoint
            ?? planned.FirstOrDefault(p => IsHttp(p.Endpoint)).Endpoint
            ?? planned.FirstOrDefault().Endpoint;
        return [.. planned.Select(p => new AppPort(p.Endpoint.Name, p.Port, p.Endpoint.UriScheme, IsHttp(p.Endpoint) ? p.Endpoint.Transport : "tcp",
            p.Endpoint.IsExternal, ReferenceEquals(p.Endpoint, main)))];
    }
}
