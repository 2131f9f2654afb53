using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>WithGpu</c>: one annotation every target translates (device assignment locally, GPU limits and profiles when published).</summary>
public static class GpuExtensions
{
    /// <summary>Declares that the resource needs <paramref name="count"/> GPUs.</summary>
    /// <param name="builder">The resource.</param>
    /// <param name="count">How many GPUs.</param>
    /// <param name="vendor">The vendor, <c>nvidia</c> by default.</param>
    /// <param name="sku">A model hint for cloud targets, e.g. <c>t4</c> or <c>a100</c>.</param>
    public static IResourceBuilder<T> WithGpu<T>(this IResourceBuilder<T> builder, int count = 1, string? vendor = null, string? sku = null)
        where T : IResource =>
        builder.WithAnnotation(new GpuAnnotation(count, vendor ?? "nvidia", sku), ResourceAnnotationMutationBehavior.Replace);
}
