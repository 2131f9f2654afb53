using Deploy.Hosting.Gpu;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>How a GPU request is scheduled: the device plugin's extended resource as a limit, a nodeSelector for GPU
/// nodes, and a toleration for the taint GPU pools commonly carry (AKS does not add it for you).</summary>
/// <remarks>Defaults follow NVIDIA's GPU Feature Discovery label (<c>nvidia.com/gpu.present=true</c>) and the
/// <c>nvidia.com/gpu</c> taint; <c>GpuNodeSelector</c> / <c>GpuTolerationKey</c> (<c>WithGpuScheduling</c>) override them
/// (empty turns them off), e.g. <c>agentpool=gpunp</c> and <c>sku</c> on AKS.</remarks>
internal sealed class GpuScheduling
{
    public GpuScheduling(GpuAnnotation gpu, KubernetesOptions options)
    {
        var vendor = gpu.Vendor.ToLowerInvariant();
        ResourceName = vendor switch
        {
            "nvidia" => "nvidia.com/gpu",
            "amd" => "amd.com/gpu",
            "intel" => "gpu.intel.com/i915",
            _ => $"{vendor}.com/gpu",
        };

        var selector = options.GpuNodeSelector ?? (vendor == "nvidia" ? "nvidia.com/gpu.present=true" : "");
        var separator = selector.IndexOf('=', StringComparison.Ordinal);
        if (separator > 0)
            NodeSelector = Sorted([KeyValuePair.Create(selector[..separator].Trim(), selector[(separator + 1)..].Trim())]);

        var tolerationKey = options.GpuTolerationKey ?? ResourceName;
        if (tolerationKey.Length > 0)
            Tolerations = [Map(("key", tolerationKey), ("operator", "Exists"), ("effect", "NoSchedule"))];
    }

    /// <summary>The extended resource, e.g. <c>nvidia.com/gpu</c>.</summary>
    public string ResourceName { get; }

    public OrderedDictionary<string, object>? NodeSelector { get; }

    public List<object>? Tolerations { get; }
}
