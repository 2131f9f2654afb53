using System.Net.Sockets;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A network endpoint a resource serves.</summary>
/// <remarks><see cref="Port"/> is what clients use; <see cref="TargetPort"/> is what the process listens on.
/// Either may be left unset; run mode allocates free ports, publishers use their target's conventions.</remarks>
public sealed class EndpointAnnotation : IResourceAnnotation
{
    /// <summary>Creates an endpoint.</summary>
    public EndpointAnnotation(ProtocolType protocol, string? uriScheme = null, string? transport = null, string? name = null,
        int? port = null, int? targetPort = null, bool? isExternal = null, bool isProxied = true)
    {
        Protocol = protocol;
        UriScheme = uriScheme ?? protocol.ToString().ToLowerInvariant();
        Name = name ?? UriScheme;
        Transport = transport ?? (UriScheme is "http" or "https" ? "http" : UriScheme);
        Port = port;
        TargetPort = targetPort;
        IsExternal = isExternal ?? false;
        IsProxied = isProxied;
    }

    /// <summary>The endpoint's name within its resource (defaults to the scheme).</summary>
    public string Name { get; }

    /// <summary>The network protocol.</summary>
    public ProtocolType Protocol { get; set; }

    /// <summary>The URI scheme: <c>http</c>, <c>https</c>, <c>tcp</c>…</summary>
    public string UriScheme { get; set; }

    /// <summary>The transport: <c>http</c>, <c>http2</c>, <c>tcp</c>…</summary>
    public string Transport { get; set; }

    /// <summary>The port clients connect to; null lets the orchestrator choose.</summary>
    public int? Port { get; set; }

    /// <summary>The port the process listens on; null lets the orchestrator choose.</summary>
    public int? TargetPort { get; set; }

    /// <summary>Whether the endpoint is reachable from outside the application (ingress, published port).</summary>
    public bool IsExternal { get; set; }

    /// <summary>Whether run mode may put a proxy in front of the process (needed for replicas).</summary>
    public bool IsProxied { get; set; }

    /// <summary>An environment variable that receives the target port, when set.</summary>
    public string? TargetPortEnvironmentVariable { get; set; }

    /// <summary>Set by run mode once ports are allocated.</summary>
    public AllocatedEndpoint? AllocatedEndpoint { get; set; }
}

/// <summary>Where an endpoint ended up in run mode.</summary>
/// <param name="Host">The host clients use.</param>
/// <param name="Port">The port clients use.</param>
/// <param name="TargetPort">The port the process listens on (differs from <paramref name="Port"/> behind a proxy).</param>
/// <param name="UriScheme">The URI scheme.</param>
public sealed record AllocatedEndpoint(string Host, int Port, int TargetPort, string UriScheme)
{
    /// <summary>Each replica's own target port, behind the shared <see cref="Port"/>; null without replicas.</summary>
    public IReadOnlyList<int>? ReplicaTargetPorts { get; init; }

    /// <summary>The target port of the replica being configured (see <see cref="ReplicaScope"/>).</summary>
    public int CurrentTargetPort => ReplicaScope.Current is { } index && ReplicaTargetPorts is { } ports ? ports[index] : TargetPort;

    /// <summary>The URL clients use, e.g. <c>http://localhost:5123</c>.</summary>
    public string Url => $"{UriScheme}://{Host}:{Port}";
}
