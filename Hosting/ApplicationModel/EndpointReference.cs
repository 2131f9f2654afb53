using System.Globalization;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A reference to one endpoint of a resource; its value is the endpoint's URL.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName)
    : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    /// <summary>The resource that owns the endpoint.</summary>
    public IResourceWithEndpoints Resource { get; } = resource;

    /// <summary>The endpoint's name.</summary>
    public string EndpointName { get; } = endpointName;

    /// <summary>Whether the resource declares this endpoint.</summary>
    public bool Exists => FindAnnotation() is not null;

    /// <summary>The endpoint's declaration.</summary>
    public EndpointAnnotation Annotation => FindAnnotation() ?? throw new InvalidOperationException(
        $"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'. Declare it with WithEndpoint(name: \"{EndpointName}\") or WithHttpEndpoint().");

    /// <summary>The URL in run mode (throws before ports are allocated).</summary>
    public string Url => Allocated.Url;

    /// <summary>The host in run mode.</summary>
    public string Host => Allocated.Host;

    /// <summary>The port in run mode.</summary>
    public int Port => Allocated.Port;

    /// <summary>The target port in run mode.</summary>
    public int TargetPort => Allocated.CurrentTargetPort;

    /// <summary>The URI scheme.</summary>
    public string Scheme => Annotation.UriScheme;

    /// <summary>Whether run mode has allocated this endpoint.</summary>
    public bool IsAllocated => FindAnnotation()?.AllocatedEndpoint is not null;

    /// <inheritdoc />
    public string ValueExpression => $"{{{Resource.Name}.bindings.{EndpointName}.url}}";

    /// <inheritdoc />
    public IEnumerable<object> References => [Resource];

    /// <summary>A value for one part of this endpoint.</summary>
    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Url);

    private AllocatedEndpoint Allocated => Annotation.AllocatedEndpoint ?? throw new InvalidOperationException(
        $"The endpoint '{EndpointName}' of resource '{Resource.Name}' has no allocated port yet; values are resolved only in run mode, after ports are allocated.");

    private EndpointAnnotation? FindAnnotation() => Resource.Annotations.OfType<EndpointAnnotation>()
        .FirstOrDefault(e => string.Equals(e.Name, EndpointName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A value for one part (host, port…) of an endpoint.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property)
    : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    /// <summary>The endpoint.</summary>
    public EndpointReference Endpoint { get; } = endpoint;

    /// <summary>The part of the endpoint.</summary>
    public EndpointProperty Property { get; } = property;

    /// <inheritdoc />
    public string ValueExpression => Property switch
    {
        EndpointProperty.Url => Endpoint.ValueExpression,
        EndpointProperty.Host or EndpointProperty.IPV4Host => Binding("host"),
        EndpointProperty.Port => Binding("port"),
        EndpointProperty.Scheme => Binding("scheme"),
        EndpointProperty.TargetPort => Binding("targetPort"),
        EndpointProperty.HostAndPort => $"{Binding("host")}:{Binding("port")}",
        _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
    };

    /// <inheritdoc />
    public IEnumerable<object> References => [Endpoint.Resource];

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Property switch
    {
        EndpointProperty.Url => Endpoint.Url,
        EndpointProperty.Host => Endpoint.Host,
        EndpointProperty.IPV4Host => "127.0.0.1",
        EndpointProperty.Port => Endpoint.Port.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.Scheme => Endpoint.Scheme,
        EndpointProperty.TargetPort => Endpoint.TargetPort.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.HostAndPort => $"{Endpoint.Host}:{Endpoint.Port.ToString(CultureInfo.InvariantCulture)}",
        _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
    });

    private string Binding(string part) => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{part}}}";
}
