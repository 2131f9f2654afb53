using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Gpu;

/// <summary>GPUs each instance of a resource needs. Run mode assigns local devices; every publisher maps it to its
/// target's idiom (Kubernetes limits and scheduling, Compose device reservations, Container Apps GPU profiles).</summary>
/// <param name="Count">GPUs per instance, at least 1.</param>
/// <param name="Vendor">The vendor; <c>nvidia</c> unless stated.</param>
/// <param name="Sku">A model hint for cloud targets, such as <c>t4</c> or <c>a100</c>.</param>
public sealed record GpuAnnotation(int Count, string Vendor = GpuAnnotation.Nvidia, string? Sku = null) : IResourceAnnotation
{
    /// <summary>The vendor assumed when none is named.</summary>
    public const string Nvidia = "nvidia";
}
