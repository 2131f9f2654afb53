using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>How a resource becomes a Compose service.</summary>
internal enum ComposeServiceKind
{
    /// <summary>Not a service: parameters, databases, connection strings, targets.</summary>
    None,
    /// <summary>A .NET project, built from a generated Dockerfile.</summary>
    Project,
    /// <summary>A container image, pulled (or built from the Dockerfile the model names).</summary>
    Image,
    /// <summary>A program, which Compose can run only from a Dockerfile.</summary>
    Executable,
}

/// <summary>The services of the application and the ports they listen on, decided once for the whole model so that every
/// reference (<c>http://api:8080</c>) and every published port agrees.</summary>
internal sealed class ComposeTopology
{
    private readonly Dictionary<IResource, ComposeServiceKind> _kinds = [];
    private readonly Dictionary<EndpointAnnotation, int> _targetPorts = [];
    private readonly Dictionary<IResource, List<string>> _published = [];

    private ComposeTopology(IReadOnlyList<IResource> services) => Services = services;

    /// <summary>The resources that become services, in model order.</summary>
    public IReadOnlyList<IResource> Services { get; }

    public static ComposeTopology Build(DistributedApplicationModel model, ComposeProblems problems)
    {
        var kinds = model.Resources.Select(r => (Resource: r, Kind: KindOf(r))).ToList();
        var topology = new ComposeTopology([.. kinds.Where(k => k.Kind != ComposeServiceKind.None).Select(k => k.Resource)]);
        foreach (var (resource, kind) in kinds)
            topology._kinds[resource] = kind;

        var errors = new List<string>();
        foreach (var service in topology.Services)
        {
            foreach (var (endpoint, port) in ContainerPorts.Assign(service, errors))
                topology._targetPorts[endpoint] = port;
        }

        foreach (var error in errors)
            problems.Add(error);
        topology.AssignPublishedPorts(problems);
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

            // PublishAsDockerFile() replaces an executable with a container of the same name, but references made before
            // still point at the executable, which is no longer in the model.
            if (!_kinds.ContainsKey(current) && Services.FirstOrDefault(s => s.Name == current.Name) is { } replacement)
                return replacement;
        }

        return null;
    }

    /// <summary>The port the endpoint's process listens on inside its container; null when the endpoint is not served
    /// (a project's <c>https</c>: TLS ends in front of Compose).</summary>
    public int? TargetPort(EndpointAnnotation endpoint) => _targetPorts.TryGetValue(endpoint, out var port) ? port : null;

    /// <summary>Host port mappings (<c>"8080:8080"</c>) of the resource's external endpoints.</summary>
    public IReadOnlyList<string> PublishedPorts(IResource resource) => _published.GetValueOrDefault(resource) ?? [];

    private static ComposeServiceKind KindOf(IResource resource) => resource switch
    {
        PublishTargetResource => ComposeServiceKind.None,

        // ExcludeFromManifest() marks run-mode helpers (admin UIs and the like) that are not deployed.
        _ when resource.IsExcludedFromPublish() => ComposeServiceKind.None,
        ProjectResource => ComposeServiceKind.Project,
        _ when resource.Annotations.OfType<ContainerImageAnnotation>().Any() => ComposeServiceKind.Image,
        _ when resource.Annotations.OfType<DockerfileBuildAnnotation>().Any() => ComposeServiceKind.Image,
        ExecutableResource => ComposeServiceKind.Executable,
        _ => ComposeServiceKind.None,
    };

    private void AssignPublishedPorts(ComposeProblems problems)
    {
        var external = Services
            .SelectMany(s => s.Annotations.OfType<EndpointAnnotation>().Where(e => e.IsExternal).Select(e => (Service: s, Endpoint: e)))
            .Where(x => TargetPort(x.Endpoint) is not null).ToList();

        // Ports the model fixes are claimed first; the others take their target port, or the next free one, so that
        // two services both listening on 8080 do not both claim host port 8080.
        // Two fixed claims on one host port would make 'docker compose up' fail half way, after other services started.
        var used = new HashSet<int>();
        var owners = new Dictionary<int, IResource>();
        foreach (var (service, endpoint) in external.Where(x => x.Endpoint.Port is not null))
        {
            var first = endpoint.Port!.Value;
            foreach (var port in Enumerable.Range(first, Math.Max(1, ComposeDeploy.MostReplicas(service))))
            {
                used.Add(port);
                if (owners.TryGetValue(port, out var owner) && !ReferenceEquals(owner, service))
                {
                    problems.Add(service.Name, $"It publishes host port {port}, which '{owner.Name}' also publishes (endpoint '{endpoint.Name}').",
                        $"Give '{service.Name}' or '{owner.Name}' another port (WithHttpEndpoint(port: ...)), or leave the port unset so publish picks a free one.");
                }

                owners.TryAdd(port, service);
            }
        }

        foreach (var (service, endpoint) in external)
        {
            var target = TargetPort(endpoint)!.Value;
            var replicas = Math.Max(1, ComposeDeploy.MostReplicas(service));
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
