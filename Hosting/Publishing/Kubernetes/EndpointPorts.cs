using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>One served endpoint: the container listens on <see cref="Port"/> and the Service exposes the same port,
/// so in-cluster URLs read <c>http://api:8080</c>.</summary>
internal sealed record PortPlan(string EndpointName, string PortName, int Port, string Scheme, bool IsExternal, bool IsUdp)
{
    public bool IsHttp => Scheme is "http" or "http2";
}

/// <summary>Decides each endpoint's in-cluster port.</summary>
/// <remarks>The ports follow <see cref="ContainerPorts"/>; values that refer to a project's unserved https endpoint are left out.</remarks>
internal static class EndpointPorts
{
    public static Dictionary<IResource, IReadOnlyList<PortPlan>> Plan(IEnumerable<IResource> resources, List<string> errors)
    {
        var result = new Dictionary<IResource, IReadOnlyList<PortPlan>>();
        foreach (var resource in resources)
            result[resource] = PlanOne(resource, errors);
        return result;
    }

    private static List<PortPlan> PlanOne(IResource resource, List<string> errors) =>
        [.. ContainerPorts.Assign(resource, errors).Select(p => new PortPlan(p.Endpoint.Name, KubernetesNames.PortName(p.Endpoint.Name), p.Port,
            p.Endpoint.UriScheme, p.Endpoint.IsExternal, p.Endpoint.Protocol == ProtocolType.Udp))];
}
