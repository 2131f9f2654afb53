using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

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
/// <remarks>Projects listen on 8080 (the generated image's port), then 8081…, unless a target port is fixed; their
/// <c>https</c> endpoints are not served (TLS ends at the ingress). The main ingress is the first external HTTP endpoint,
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
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var used = endpoints.Where(e => e.TargetPort is not null).Select(e => e.TargetPort!.Value).ToHashSet();
        var next = DockerfileGenerator.HttpPort;
        var planned = new List<(EndpointAnnotation Endpoint, int Port)>();
        foreach (var endpoint in endpoints)
        {
            if (resource is ProjectResource && endpoint.UriScheme == "https")
                continue;
            if (endpoint.Protocol == ProtocolType.Udp)
            {
                errors.Add($"Resource '{resource.Name}': endpoint '{endpoint.Name}' is UDP, which Azure Container Apps ingress does not carry. " +
                    "Fix: serve it over TCP or HTTP, or deploy this resource outside Container Apps.");
                continue;
            }

            int? port = endpoint.TargetPort;
            if (port is null && resource is ProjectResource)
            {
                while (used.Contains(next))
                    next++;
                port = next;
                used.Add(next);
            }

            port ??= endpoint.Port;
            if (port is null)
            {
                errors.Add($"Resource '{resource.Name}': endpoint '{endpoint.Name}' has no target port, so the container's port is unknown. " +
                    $"Fix: declare it with WithEndpoint(targetPort: <the port the image listens on>, name: \"{endpoint.Name}\").");
                continue;
            }

            planned.Add((endpoint, port.Value));
        }

        foreach (var clash in planned.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            errors.Add($"Resource '{resource.Name}': endpoints {string.Join(", ", clash.Select(p => $"'{p.Endpoint.Name}'"))} all listen on port {clash.Key}. " +
                "Fix: give each endpoint its own targetPort.");
        }

        static bool IsHttp(EndpointAnnotation e) => e.Transport is "http" or "http2";
        var main = planned.FirstOrDefault(p => IsHttp(p.Endpoint) && p.Endpoint.IsExternal).Endpoint
            ?? planned.FirstOrDefault(p => IsHttp(p.Endpoint)).Endpoint
            ?? planned.FirstOrDefault().Endpoint;
        return [.. planned.Select(p => new AppPort(p.Endpoint.Name, p.Port, p.Endpoint.UriScheme, IsHttp(p.Endpoint) ? p.Endpoint.Transport : "tcp",
            p.Endpoint.IsExternal, ReferenceEquals(p.Endpoint, main)))];
    }
}
