namespace Aspire.Hosting.ApplicationModel;

/// <summary>A part of an endpoint a value can refer to.</summary>
public enum EndpointProperty
{
    /// <summary>The full URL: scheme, host and port.</summary>
    Url,
    /// <summary>The host clients use.</summary>
    Host,
    /// <summary>The IP address clients use.</summary>
    IPV4Host,
    /// <summary>The port clients use.</summary>
    Port,
    /// <summary>The URI scheme.</summary>
    Scheme,
    /// <summary>The port the process listens on.</summary>
    TargetPort,
    /// <summary><c>host:port</c>.</summary>
    HostAndPort,
}
