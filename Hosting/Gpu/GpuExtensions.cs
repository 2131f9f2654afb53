using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;

namespace Aspire.Hosting;

/// <summary><c>WithGpu</c>: one annotation that run mode and every publisher translate.</summary>
public static class GpuExtensions
{
    /// <summary>Declares that each instance of the resource needs <paramref name="count"/> GPUs.</summary>
    /// <param name="builder">The resource.</param>
    /// <param name="count">GPUs per instance; at least 1.</param>
    /// <param name="sku">A model hint for cloud targets, such as <c>t4</c> or <c>a100</c>.</param>
    /// <param name="vendor">The vendor; <c>nvidia</c> unless stated.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static IResourceBuilder<T> WithGpu<T>(this IResourceBuilder<T> builder, int count = 1, string? sku = null, string? vendor = null)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Resource '{builder.Resource.Name}': WithGpu needs at least 1 GPU per instance, got {count}. " +
                "Fix: pass a positive count, or remove WithGpu to run without one.");
        }

        return builder.WithAnnotation(new GpuAnnotation(count, vendor ?? GpuAnnotation.Nvidia, sku), ResourceAnnotationMutationBehavior.Replace);
    }
}
