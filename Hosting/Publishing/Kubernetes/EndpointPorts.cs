using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>One served endpoint: the container listens on <see cref="Port"/> and the Service exposes the same port,
/// so in-cluster URLs read <c>http://api:8080</c>.</summary>
internal sealed record PortPlan(string EndpointName, string PortName, int Port, string Scheme, bool IsExternal, bool IsUdp)
{
    public bool IsHttp => Scheme is "http" or "http2";
}

/// <summary>Decides each endpoint's in-cluster port.</summary>
/// <remarks>Projects listen on 8080 (the generated image's port), then 8081…, unless a target port is fixed. Their
/// <c>https</c> endpoints are not served in the cluster: the image has no certificate, and TLS ends at the Ingress, so
/// values that refer to them are left out. Containers listen on their target port (or port).</remarks>
internal static class EndpointPorts
{
    public static Dictionary<IResource, IReadOnlyList<PortPlan>> Plan(IEnumerable<IResource> resources, List<string> errors)
    {
        var result = new Dictionary<IResource, IReadOnlyList<PortPlan>>();
        foreach (var resource in resources)
            result[resource] = PlanOne(resource, errors);
        return result;
    }

    private static List<PortPlan> PlanOne(IResource resource, List<string> errors)
    {
        var plans = new List<PortPlan>();
        var used = new HashSet<int>();
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        foreach (var endpoint in endpoints.Where(e => e.TargetPort is not null))
            used.Add(endpoint.TargetPort!.Value);

        var next = DockerfileGenerator.HttpPort;
        foreach (var endpoint in endpoints)
        {
            if (resource is ProjectResource && endpoint.UriScheme == "https")
                continue;
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

            plans.Add(new(endpoint.Name, KubernetesNames.PortName(endpoint.Name), port.Value, endpoint.UriScheme, endpoint.IsExternal,
                endpoint.Protocol == ProtocolType.Udp));
        }

        foreach (var clash in plans.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            errors.Add($"Resource '{resource.Name}': endpoints {string.Join(", ", clash.Select(p => $"'{p.EndpointName}'"))} all listen on port {clash.Key}. " +
                "Fix: give each endpoint its own targetPort.");
        }

        return plans;
    }
}
