using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>A serverless GPU workload profile: its name in the environment, its ARM type, and the size of one replica.</summary>
internal sealed record GpuProfile(string Sku, string Name, string WorkloadProfileType, double Cpu, string Memory);

/// <summary>Maps <c>WithGpu(sku:)</c> to Container Apps' serverless GPU profiles (one GPU per replica; a replica gets the
/// whole profile, so cpu/memory are sized to it).</summary>
/// <remarks>No SKU means T4: the smaller, more widely available one. Sizes follow Microsoft's serverless GPU examples
/// (T4: 8 vCPU / 56 GiB; A100: 24 vCPU / 220 GiB).</remarks>
internal static class GpuProfiles
{
    public const string DefaultSku = "t4";

    private static readonly Dictionary<string, GpuProfile> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["t4"] = new("t4", "gpu-t4", "Consumption-GPU-NC8as-T4", 8, "56Gi"),
        ["a100"] = new("a100", "gpu-a100", "Consumption-GPU-NC24-A100", 24, "220Gi"),
    };

    /// <summary>The SKUs that have a profile, for error messages.</summary>
    public static string KnownSkus => string.Join(", ", Known.Keys.Order(StringComparer.Ordinal));

    /// <summary>The profile for <paramref name="gpu"/>, or null when its SKU has none.</summary>
    public static GpuProfile? For(GpuAnnotation gpu) => Known.GetValueOrDefault(gpu.Sku ?? DefaultSku);
}
