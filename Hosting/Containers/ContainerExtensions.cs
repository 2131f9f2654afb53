using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Containers;

namespace Aspire.Hosting;

/// <summary><c>AddContainer</c> and the container options: image, volumes, bind mounts, entrypoint.</summary>
public static class ContainerExtensions
{
    /// <summary>Adds a container. A tag inside <paramref name="image"/> (<c>redis:8.2</c>) wins; otherwise <paramref name="tag"/>, else <c>latest</c>.</summary>
    public static IResourceBuilder<ContainerResource> AddContainer(this IDistributedApplicationBuilder builder, string name, string image,
        string? tag = null) =>
        builder.AddResource(new ContainerResource(name)).WithImage(image, tag);

    /// <summary>Sets the image (and tag).</summary>
    public static IResourceBuilder<T> WithImage<T>(this IResourceBuilder<T> builder, string image, string? tag = null) where T : ContainerResource
    {
        var (registry, name, parsedTag) = ImageReference.Parse(image);
        return builder.WithAnnotation(new ContainerImageAnnotation(name, parsedTag ?? tag ?? "latest", registry),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Sets the image tag.</summary>
    public static IResourceBuilder<T> WithImageTag<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource
    {
        var image = builder.Resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        return builder.WithAnnotation(image with { Tag = tag }, ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Mounts a named volume (anonymous when <paramref name="name"/> is null).</summary>
    public static IResourceBuilder<T> WithVolume<T>(this IResourceBuilder<T> builder, string? name, string target, bool isReadOnly = false)
        where T : ContainerResource =>
        builder.WithAnnotation(new ContainerMountAnnotation(name, target, ContainerMountType.Volume, isReadOnly));

    /// <summary>Mounts an anonymous volume.</summary>
    public static IResourceBuilder<T> WithVolume<T>(this IResourceBuilder<T> builder, string target) where T : ContainerResource =>
        builder.WithVolume(null, target);

    /// <summary>Mounts a host directory; a relative <paramref name="source"/> is resolved against the AppHost directory.</summary>
    public static IResourceBuilder<T> WithBindMount<T>(this IResourceBuilder<T> builder, string source, string target, bool isReadOnly = false)
        where T : ContainerResource
    {
        var full = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, source));
        return builder.WithAnnotation(new ContainerMountAnnotation(full, target, ContainerMountType.BindMount, isReadOnly));
    }

    /// <summary>Overrides the image's entrypoint.</summary>
    public static IResourceBuilder<T> WithEntrypoint<T>(this IResourceBuilder<T> builder, string entrypoint) where T : ContainerResource
    {
        builder.Resource.Entrypoint = entrypoint;
        return builder;
    }
}
