using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing;

/// <summary>The port each endpoint listens on inside its container, shared by the publishers that run images.</summary>
/// <remarks>Projects listen on 8080 (the generated image's port), then 8081…, unless a target port is fixed; their
/// <c>https</c> endpoints are not served (the image has no certificate; TLS ends at the ingress). Containers listen on
/// their target port, else their port.</remarks>
internal static class ContainerPorts
{
    /// <summary>Assigns ports; problems (and those <paramref name="reject"/> reports) are added to <paramref name="errors"/>.</summary>
    public static List<(EndpointAnnotation Endpoint, int Port)> Assign(IResource resource, List<string> errors,
        Func<EndpointAnnotation, string?>? reject = null)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var used = endpoints.Where(e => e.TargetPort is not null).Select(e => e.TargetPort!.Value).ToHashSet();
        var next = DockerfileGenerator.HttpPort;
        var assigned = new List<(EndpointAnnotation Endpoint, int Port)>();
        foreach (var endpoint in endpoints)
        {
            if (resource is ProjectResource && endpoint.UriScheme == "https")
                continue;
            if (reject?.Invoke(endpoint) is { } problem)
            {
                errors.Add(problem);
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

            assigned.Add((endpoint, port.Value));
        }

        foreach (var clash in assigned.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            errors.Add($"Resource '{resource.Name}': endpoints {string.Join(", ", clash.Select(p => $"'{p.Endpoint.Name}'"))} all listen on port {clash.Key}. " +
                "Fix: give each endpoint its own targetPort.");
        }

        return assigned;
    }
}
