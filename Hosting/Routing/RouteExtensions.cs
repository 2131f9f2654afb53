using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Routing;

namespace Aspire.Hosting;

/// <summary><c>WithRoute</c>: the host and path prefix of a resource's external HTTP endpoint once published.</summary>
public static class RouteExtensions
{
    /// <summary>Routes requests for <paramref name="path"/> (a prefix starting with '/') on <paramref name="host"/> to
    /// the resource's external HTTP endpoint. Without a host the target's default is used (Kubernetes:
    /// <c>&lt;resource&gt;.&lt;domain&gt;</c>); <c>ForEnvironment(..., new() { Host = ... })</c> changes it per environment.</summary>
    public static IResourceBuilder<T> WithRoute<T>(this IResourceBuilder<T> builder, string path = "/", string? host = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.WithAnnotation(new RouteAnnotation(string.IsNullOrWhiteSpace(host) ? null : host.Trim(), path.Trim()),
            ResourceAnnotationMutationBehavior.Replace);
    }
}
