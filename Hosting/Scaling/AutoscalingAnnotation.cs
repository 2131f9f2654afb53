using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Scaling;

/// <summary>Scale between <paramref name="MinReplicas"/> and <paramref name="MaxReplicas"/> instances, keeping average
/// CPU use near <paramref name="CpuPercent"/> percent of the requested CPU (a HorizontalPodAutoscaler on Kubernetes).</summary>
public sealed record AutoscalingAnnotation(int MinReplicas, int MaxReplicas, int CpuPercent) : IResourceAnnotation;
