using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>WaitFor</c> and <c>WaitForCompletion</c>: start order and readiness.</summary>
public static class WaitExtensions
{
    /// <summary>Starts the resource only once <paramref name="dependency"/> is running and healthy (for a child, its parent too).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));

    /// <summary>Starts the resource only once <paramref name="dependency"/> has exited with <paramref name="exitCode"/>.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport
    {
        dependency.Resource.Annotations.Add(new JobAnnotation());
        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, WaitType.WaitForCompletion, exitCode));
    }
}
