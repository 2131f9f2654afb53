using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>WithEndpoint</c> and friends: the network endpoints a resource serves.</summary>
public static class EndpointExtensions
{
    /// <summary>Declares an endpoint. A second endpoint with the same name is a validation error.</summary>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null,
        string? scheme = null, string? name = null, string? env = null, bool isProxied = true, bool? isExternal = null,
        ProtocolType protocol = ProtocolType.Tcp) where T : IResourceWithEndpoints
    {
        var endpoint = new EndpointAnnotation(protocol, scheme, name: name, port: port, targetPort: targetPort,
            isExternal: isExternal, isProxied: isProxied) { TargetPortEnvironmentVariable = env };
        builder.WithAnnotation(endpoint);
        if (env is not null && builder is IResourceBuilder<IResourceWithEnvironment> withEnv)
        {
            withEnv.WithEnvironmentValue(env, new EndpointReference(builder.Resource, endpoint.Name).Property(EndpointProperty.TargetPort));
        }

        return builder;
    }

    /// <summary>Declares an HTTP endpoint (name defaults to <c>http</c>).</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null,
        string? name = null, string? env = null, bool isProxied = true) where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port, targetPort, "http", name, env, isProxied);

    /// <summary>Declares an HTTPS endpoint (name defaults to <c>https</c>).</summary>
    public static IResourceBuilder<T> WithHttpsEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null,
        string? name = null, string? env = null, bool isProxied = true) where T : IResourceWithEndpoints =>
        builder.WithEndpoint(port, targetPort, "https", name, env, isProxied);

    /// <summary>Marks the HTTP and HTTPS endpoints declared so far as reachable from outside the application.</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.UriScheme is "http" or "https")
                endpoint.IsExternal = true;
        }

        return builder;
    }

    /// <summary>A reference to an endpoint of the resource, for use in expressions and references.</summary>
    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);
}
