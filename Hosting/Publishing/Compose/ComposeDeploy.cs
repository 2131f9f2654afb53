using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>The <c>deploy</c> section: replicas, CPU and memory limits, and GPU reservations.</summary>
internal static class ComposeDeploy
{
    /// <summary>The section, or null when the resource declares none of these.</summary>
    public static OrderedDictionary<string, object>? Build(IResource resource, ComposeProblems problems)
    {
        var deploy = ComposeYaml.Map();
        if (Replicas(resource) is { } replicas)
            deploy["replicas"] = replicas;

        var resources = ComposeYaml.Map();
        if (resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault() is { } compute)
        {
            var limits = ComposeYaml.Map();
            limits["cpus"] = compute.Cpu.ToString("0.###", CultureInfo.InvariantCulture);
            limits["memory"] = string.Create(CultureInfo.InvariantCulture, $"{compute.MemoryMiB}M");
            resources["limits"] = limits;
        }

        if (resource.Annotations.OfType<GpuAnnotation>().LastOrDefault() is { } gpu)
        {
            if (!string.Equals(gpu.Vendor, "nvidia", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(resource.Name, $"It needs {gpu.Vendor} GPUs; Compose device reservations are written for NVIDIA GPUs only.",
                    "Use WithGpu(count) (vendor nvidia) for this target, or publish this resource with another publisher.");
            }

            var device = ComposeYaml.Map();
            device["driver"] = "nvidia";
            device["count"] = gpu.Count;
            device["capabilities"] = new List<string> { "gpu" };
            var reservations = ComposeYaml.Map();
            reservations["devices"] = new List<object> { device };
            resources["reservations"] = reservations;
        }

        if (resources.Count > 0)
            deploy["resources"] = resources;
        return deploy.Count == 0 ? null : deploy;
    }

    /// <summary>The replica count: <c>WithReplicas</c>, else the autoscaler's minimum (Compose does not autoscale).</summary>
    public static int? Replicas(IResource resource) =>
        resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas
        ?? (resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault() is { } autoscaling ? Math.Max(1, autoscaling.MinReplicas) : null);

    /// <summary>The most replicas any environment runs: published port ranges are sized for it, since an override file
    /// cannot resize a range without repeating every port.</summary>
    public static int MostReplicas(IResource resource) =>
        resource.Annotations.OfType<Environments.EnvironmentOverridesAnnotation>()
            .Select(a => Environments.DeploymentSettings.For(resource, a.Environment).Replicas)
            .Append(Replicas(resource) ?? 1).Max();
}
