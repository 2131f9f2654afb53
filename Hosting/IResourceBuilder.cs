using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Fluent access to one resource of the model: <c>With*</c> methods add annotations through it.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    /// <summary>The application builder the resource belongs to.</summary>
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    /// <summary>The resource.</summary>
    T Resource { get; }

    /// <summary>Adds an annotation, or replaces annotations of the same type.</summary>
    IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation,
        ResourceAnnotationMutationBehavior behavior = ResourceAnnotationMutationBehavior.Append)
        where TAnnotation : IResourceAnnotation;
}

/// <summary>Whether <c>WithAnnotation</c> appends or replaces.</summary>
public enum ResourceAnnotationMutationBehavior
{
    /// <summary>Keep existing annotations of the same type.</summary>
    Append,
    /// <summary>Remove existing annotations of the same type first.</summary>
    Replace,
}

internal sealed class ResourceBuilder<T>(IDistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
    where T : IResource
{
    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public T Resource { get; } = resource;

    public IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation, ResourceAnnotationMutationBehavior behavior)
        where TAnnotation : IResourceAnnotation
    {
        if (behavior == ResourceAnnotationMutationBehavior.Replace)
        {
            foreach (var existing in Resource.Annotations.OfType<TAnnotation>().ToList())
                Resource.Annotations.Remove(existing);
        }

        Resource.Annotations.Add(annotation);
        return this;
    }
}
