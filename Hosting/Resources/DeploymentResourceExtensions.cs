using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Resources;

namespace Aspire.Hosting;

/// <summary>What a deployed instance needs: CPU and memory, storage size, a readiness command.</summary>
public static class DeploymentResourceExtensions
{
    /// <summary>Sizes one instance: <paramref name="cpu"/> cores and <paramref name="memoryMiB"/> MiB of memory.</summary>
    public static IResourceBuilder<T> WithResources<T>(this IResourceBuilder<T> builder, double cpu, int memoryMiB) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ComputeResourcesAnnotation(cpu, memoryMiB), ResourceAnnotationMutationBehavior.Replace);

    /// <summary>Provisions <paramref name="size"/> (a Kubernetes quantity, e.g. <c>10Gi</c>) for the volume mounted at <paramref name="target"/>.</summary>
    public static IResourceBuilder<T> WithVolumeSize<T>(this IResourceBuilder<T> builder, string target, string size) where T : ContainerResource
    {
        foreach (var old in builder.Resource.Annotations.OfType<VolumeSizeAnnotation>().Where(a => a.Target == target).ToList())
            builder.Resource.Annotations.Remove(old);
        return builder.WithAnnotation(new VolumeSizeAnnotation(target, size));
    }

    /// <summary>Declares a command that exits 0 once the container accepts work (used for readiness when published).</summary>
    public static IResourceBuilder<T> WithReadinessCommand<T>(this IResourceBuilder<T> builder, params string[] command) where T : ContainerResource =>
        builder.WithAnnotation(new ReadinessCommandAnnotation(command), ResourceAnnotationMutationBehavior.Replace);
}
