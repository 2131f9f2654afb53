using Aspire.Hosting;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>How a resource becomes a Compose service.</summary>
internal enum ComposeServiceKind
{
    /// <summary>Not a service: parameters, databases, connection strings.</summary>
    None,
    /// <summary>A .NET project, built from a generated Dockerfile.</summary>
    Project,
    /// <summary>A container image, pulled.</summary>
    Image,
    /// <summary>A program, built from a Dockerfile.</summary>
    Executable,
}

/// <summary>The services of the application and the ports they listen on, decided once for the whole model so that every
/// reference (<c>http://api:8080</c>) and every published port agrees.</summary>
internal sealed class ComposeTopology
{
    /// <summary>Where processes in containers listen when the model leaves the port open: the generated image's port.</summary>
    public const int FirstDefaultTargetPort = DockerfileGenerator.HttpPort;

    private readonly Dictionary<IResource, ComposeServiceKind> _kinds = [];
    private readonly Dictionary<(IResource, string), int> _targetPorts = [];
    private readonly Dictionary<IResource, List<string>> _published = [];

    private ComposeTopology(IReadOnlyList<IResource> services) => Services = services;

    /// <summary>The resources that become services, in model order.</summary>
    public IReadOnlyList<IResource> Services { get; }

    public static ComposeTopology Build(DistributedApplicationModel model, ComposeProblems problems)
    {
        var kinds = model.Resources.Select(r => (Resource: r, Kind: KindOf(r))).ToList();
        var topology = new ComposeTopology(kinds.Where(k => k.Kind != ComposeServiceKind.None).Select(k => k.Resource).ToList());
        foreach (var (resource, kind) in kinds)
            topology._kinds[resource] = kind;
        foreach (var resource in model.Resources.OfType<ContainerResource>().Where(r => KindOf(r) == ComposeServiceKind.None))
            problems.Add(resource.Name, "The container has no image.", "Set one with WithImage(\"name:tag\").");

        foreach (var service in topology.Services)
            topology.AssignTargetPorts(service, problems);
        topology.AssignPublishedPorts();
        return topology;
    }

    public ComposeServiceKind Kind(IResource resource) => _kinds.GetValueOrDefault(resource);

    /// <summary>The service that runs <paramref name="resource"/>: itself, or the nearest parent that is a service (a
    /// database runs in its server's service).</summary>
    public IResource? ServiceOf(IResource resource)
    {
        for (IResource? current = resource; current is not null; current = (current as IResourceWithParent)?.Parent)
        {
            if (Kind(current) != ComposeServiceKind.None)
                return current;
        }

        return null;
    }

    /// <summary>The port the endpoint's process listens on inside its container.</summary>
    public int? TargetPort(IResource resource, string endpointName) =>
        _targetPorts.TryGetValue((resource, endpointName.ToLowerInvariant()), out var port) ? port : null;

    /// <summary>Host port mappings (<c>"8080:8080"</c>) of the resource's external endpoints.</summary>
    public IReadOnlyList<string> PublishedPorts(IResource resource) => _published.GetValueOrDefault(resource) ?? [];

    private static ComposeServiceKind KindOf(IResource resource) => resource switch
    {
        _ when resource.Annotations.OfType<IProjectMetadata>().Any() => ComposeServiceKind.Project,
        _ when resource.Annotations.OfType<ContainerImageAnnotation>().Any() => ComposeServiceKind.Image,
        ExecutableResource => ComposeServiceKind.Executable,
        _ => ComposeServiceKind.None,
    };

    private void AssignTargetPorts(IResource service, ComposeProblems problems)
    {
        var endpoints = service.Annotations.OfType<EndpointAnnotation>().ToList();
        var taken = endpoints.Where(e => e.TargetPort is not null).Select(e => e.TargetPort!.Value).ToHashSet();
        var next = FirstDefaultTargetPort;
        foreach (var endpoint in endpoints)
        {
            // A container's image decides its port, so a container endpoint must say it; a container given only a port
            // is taken to listen on that same port.
            var port = endpoint.TargetPort ?? (Kind(service) == ComposeServiceKind.Image ? endpoint.Port : null);
            if (port is null && Kind(service) == ComposeServiceKind.Image)
            {
                problems.Add(service.Name, $"Endpoint '{endpoint.Name}' does not say which port the container listens on.",
                    $"Give it one: WithEndpoint(name: \"{endpoint.Name}\", targetPort: <port>).");
                continue;
            }

            if (port is null)
            {
                while (!taken.Add(next))
                    next++;
                port = next;
            }

            _targetPorts[(service, endpoint.Name.ToLowerInvariant())] = port.Value;
        }
    }

    private void AssignPublishedPorts()
    {
        var external = Services.SelectMany(s => s.Annotations.OfType<EndpointAnnotation>().Where(e => e.IsExternal).Select(e => (Service: s, Endpoint: e)))
            .Where(x => TargetPort(x.Service, x.Endpoint.Name) is not null).ToList();

        // Ports the model fixes are claimed first; the others take their target port, or the next free one, so that
        // two services both listening on 8080 do not both claim host port 8080.
        var used = external.Where(x => x.Endpoint.Port is not null).Select(x => x.Endpoint.Port!.Value).ToHashSet();
        foreach (var (service, endpoint) in external)
        {
            var target = TargetPort(service, endpoint.Name)!.Value;
            var replicas = Math.Max(1, ComposeDeploy.Replicas(service) ?? 1);
            var host = endpoint.Port ?? FreeRange(used, target, replicas);
            var hostSpec = replicas > 1 ? $"{host}-{host + replicas - 1}" : $"{host}";
            var protocol = endpoint.Protocol == ProtocolType.Udp ? "/udp" : "";
            if (!_published.TryGetValue(service, out var list))
                _published[service] = list = [];
            list.Add($"{hostSpec}:{target}{protocol}");
        }
    }

    private static int FreeRange(HashSet<int> used, int start, int count)
    {
        var host = start;
        while (Enumerable.Range(host, count).Any(used.Contains))
            host++;
        foreach (var port in Enumerable.Range(host, count))
            used.Add(port);
        return host;
    }
}
