using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>WithReference</c>: connection strings and service endpoints, under Aspire's variable names.</summary>
public static class ReferenceExtensions
{
    /// <summary>Passes a connection string as <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source,
        string? connectionName = null, bool optional = false) where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        var variable = resource.ConnectionStringEnvironmentVariable ?? $"ConnectionStrings__{connectionName ?? resource.Name}";
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithEnvironmentValue(variable, new ConnectionStringReference(resource, optional));
    }

    /// <summary>Passes every endpoint of a service as <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
                context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] = new EndpointReference(resource, endpoint.Name);
        }));
    }

    /// <summary>Passes one endpoint as <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, EndpointReference endpoint)
        where T : IResourceWithEnvironment
    {
        builder.WithAnnotation(new ResourceReferenceAnnotation(endpoint.Resource, endpoint.EndpointName));
        return builder.WithEnvironmentValue($"services__{endpoint.Resource.Name}__{endpoint.EndpointName}__0", endpoint);
    }

    /// <summary>Passes an external service URL as <c>services__&lt;name&gt;__default__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, string name, Uri uri)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment($"services__{name}__default__0", uri.ToString());
}

/// <summary>Records that a resource uses another (shown as a relationship; checked by validation).</summary>
/// <param name="Resource">The resource referred to.</param>
/// <param name="EndpointName">The endpoint referred to, when only one is.</param>
public sealed record ResourceReferenceAnnotation(IResource Resource, string? EndpointName = null) : IResourceAnnotation;
