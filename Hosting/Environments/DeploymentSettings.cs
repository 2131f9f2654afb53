using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Environments;

/// <summary>What a resource is in one deployment environment: the model's replicas, autoscaling, size and route host
/// with that environment's <see cref="EnvironmentOverrides"/> on top. Every target reads it the same way.</summary>
/// <param name="Replicas">The fixed instance count (the minimum when <paramref name="Autoscaling"/> is set).</param>
/// <param name="Autoscaling">The bounds, when the resource autoscales in this environment.</param>
/// <param name="Compute">CPU and memory, when declared.</param>
/// <param name="Host">The host its external HTTP endpoints are routed from, when declared.</param>
/// <param name="ImageTag">The tag of images built from it, when declared for this environment.</param>
public sealed record DeploymentSettings(int Replicas, AutoscalingAnnotation? Autoscaling, ComputeResourcesAnnotation? Compute, string? Host, string? ImageTag)
{
    public static DeploymentSettings For(IResource resource, string environment)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var o = Overrides(resource, environment) ?? new EnvironmentOverrides();
        var replicas = o.Replicas ?? resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        var autoscaling = resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault();
        if (o.MinReplicas is not null || o.MaxReplicas is not null)
        {
            var min = o.MinReplicas ?? autoscaling?.MinReplicas ?? replicas;
            autoscaling = new AutoscalingAnnotation(min, o.MaxReplicas ?? autoscaling?.MaxReplicas ?? Math.Max(min, replicas),
                autoscaling?.CpuPercent ?? 70);
        }
        else if (o.Replicas is not null)
        {
            // A fixed count for this environment replaces the model's autoscaling there.
            autoscaling = null;
        }

        var compute = resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault();
        if (o.Cpu is not null || o.MemoryMiB is not null)
            compute = new ComputeResourcesAnnotation(o.Cpu ?? compute?.Cpu ?? 0.5, o.MemoryMiB ?? compute?.MemoryMiB ?? 512);
        var host = o.Host ?? resource.Annotations.OfType<Routing.RouteAnnotation>().LastOrDefault()?.Host;
        return new DeploymentSettings(autoscaling?.MinReplicas ?? replicas, autoscaling, compute, host, o.ImageTag);
    }

    /// <summary>The resource's overrides for <paramref name="environment"/>, or null.</summary>
    public static EnvironmentOverrides? Overrides(IResource resource, string environment) =>
        resource.Annotations.OfType<EnvironmentOverridesAnnotation>()
            .LastOrDefault(a => string.Equals(a.Environment, environment, StringComparison.OrdinalIgnoreCase))?.Overrides;
}
