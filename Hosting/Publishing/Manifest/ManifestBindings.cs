using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Writes <c>bindings</c> with Aspire's port rules (9.x <c>WriteBindings</c>), so azd and aspirate see the ports
/// Aspire would have written: explicit ports win, a project's first http/https endpoint leaves the port to the deployment
/// tool, and anything else gets a port from one allocator per manifest starting at 8000.</summary>
internal sealed class ManifestBindings
{
    /// <summary>The port ASP.NET Core images listen on; a project published from its Dockerfile gets it by default.</summary>
    private const int ContainerHttpPort = 8080;

    private readonly HashSet<int> _used = [];
    private int _next = 8000;

    /// <summary>Reserves every port the model fixes, so allocated ones never collide with them, whatever the resource order.</summary>
    public ManifestBindings(IEnumerable<IResource> resources)
    {
        foreach (var endpoint in resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            if (endpoint.Port is { } port)
                _used.Add(port);
            if (endpoint.TargetPort is { } targetPort)
                _used.Add(targetPort);
        }
    }

    /// <summary>Writes the resource's bindings; <paramref name="asContainer"/> is true when it is written as a container
    /// (a container, or a project or executable published from a Dockerfile).</summary>
    public void Write(Utf8JsonWriter json, IResource resource, bool asContainer)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0)
            return;

        var projectSchemes = new HashSet<string>(StringComparer.Ordinal);
        json.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            var targetPort = TargetPort(resource, endpoint, asContainer, projectSchemes);
            var port = endpoint.Port is { } fixedPort && fixedPort != targetPort ? fixedPort : (int?)null;
            if (port is null && targetPort is null && !IsHttp(endpoint.UriScheme))
                port = Allocate();

            json.WriteStartObject(endpoint.Name);
            json.WriteString("scheme", endpoint.UriScheme);
            json.WriteString("protocol", endpoint.Protocol.ToString().ToLowerInvariant());
            json.WriteString("transport", endpoint.Transport);
            if (port is { } p)
                json.WriteNumber("port", p);
            if (targetPort is { } t)
                json.WriteNumber("targetPort", t);
            if (endpoint.IsExternal)
                json.WriteBoolean("external", true);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private int? TargetPort(IResource resource, EndpointAnnotation endpoint, bool asContainer, HashSet<string> projectSchemes)
    {
        var firstOfScheme = projectSchemes.Add(endpoint.UriScheme);
        if (endpoint.TargetPort is { } targetPort)
            return targetPort;
        if (asContainer && resource is ProjectResource && IsHttp(endpoint.UriScheme))
            return ContainerHttpPort;
        if (asContainer && endpoint.Port is { } port)
            return port;
        // The deployment tool picks the port of a project's default http and https endpoints (azd: 8080).
        if (!asContainer && resource is ProjectResource && IsHttp(endpoint.UriScheme) && firstOfScheme)
            return null;
        return Allocate();
    }

    private int Allocate()
    {
        while (_used.Contains(_next))
            _next++;
        _used.Add(_next);
        return _next;
    }

    private static bool IsHttp(string scheme) => scheme is "http" or "https";
}
