using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Native;

/// <summary>Turns a container resource into one Deploy runs itself, before DCP sees the model.</summary>
/// <remarks>DCP treats a resource as a container only while it has a <see cref="ContainerImageAnnotation"/>, and skips
/// endpoints that are already allocated; the resource's own connection-string expression and every
/// <see cref="EndpointReference"/> read the allocated endpoint, so references resolve unchanged.</remarks>
internal static class NativeSwap
{
    /// <summary>Removes the image and allocates each endpoint on localhost (a fixed <c>port:</c> is honoured).</summary>
    public static void Apply(IResource resource)
    {
        RemoveImage(resource);
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            // Aspire's dev-certificate hook may have switched Redis to TLS; a native server speaks plain TCP.
            if (endpoint.TlsEnabled)
            {
                endpoint.TlsEnabled = false;
                if (endpoint.UriScheme == "rediss")
                    endpoint.UriScheme = "redis";
            }

            var port = endpoint.Port ?? PortProbe.FreePort();
            endpoint.IsProxied = false;
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
        }
    }

    /// <summary>Removes the image so DCP does not wait for an engine that is not there.</summary>
    public static void RemoveImage(IResource resource)
    {
        foreach (var image in resource.Annotations.OfType<ContainerImageAnnotation>().ToList())
            resource.Annotations.Remove(image);
    }

    /// <summary>Whether DCP would run <paramref name="resource"/> as a container.</summary>
    public static bool IsContainer(IResource resource) => resource.Annotations.OfType<ContainerImageAnnotation>().Any();
}
