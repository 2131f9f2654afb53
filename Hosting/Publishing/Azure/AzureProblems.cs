using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Finds what Azure Container Apps cannot run, before anything is written. Each problem names the resource and the fix.</summary>
internal static class AzureProblems
{
    /// <summary>Whether the resource can become an image at all (an executable needs a Dockerfile).</summary>
    public static bool HasImage(IResource resource) =>
        resource is not ExecutableResource || resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();

    public static List<string> Check(IEnumerable<IResource> apps)
    {
        var errors = new List<string>();
        foreach (var resource in apps)
        {
            var name = resource.Name;
            var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();
            if (resource is ExecutableResource executable && !dockerfile)
            {
                errors.Add($"Resource '{name}' is an executable ('{executable.Command}') without a Dockerfile; Container Apps run images. " +
                    "Fix: add a Dockerfile to its working directory and call PublishAsDockerFile() on it, or model it with AddContainer or AddProject.");
                continue;
            }

            if (resource is ContainerResource && !dockerfile && !resource.TryGetContainerImageName(out _))
                errors.Add($"Resource '{name}' is a container without an image. Fix: call WithImage(\"<registry>/<name>:<tag>\") on it.");
            if (name.Length > AzureNames.MaxAppNameLength)
                errors.Add($"Resource '{name}' has a name longer than {AzureNames.MaxAppNameLength} characters, the limit for a Container App. Fix: shorten the name.");
            foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.BindMount))
            {
                errors.Add($"Resource '{name}' bind-mounts the host directory '{mount.Source}' at '{mount.Target}'; Container Apps have no host directories. " +
                    "Fix: use WithVolume for data (an Azure Files share), or copy the files into the image.");
            }

            foreach (var files in resource.Annotations.OfType<ContainerFileSystemCallbackAnnotation>())
            {
                errors.Add($"Resource '{name}' places files at '{files.DestinationPath}' (WithContainerFiles or WithInitFiles); Container Apps cannot copy " +
                    "files into a container at start. Fix: build an image that contains them (a Dockerfile), or mount a volume.");
            }

            CheckSizes(resource, errors);
        }

        return errors;
    }

    private static void CheckSizes(IResource resource, List<string> errors)
    {
        var name = resource.Name;
        if (resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault() is { } scaling
            && (scaling.MinReplicas < 0 || scaling.MaxReplicas < 1 || scaling.MaxReplicas < scaling.MinReplicas || scaling.MaxReplicas > 1000
                || scaling.CpuPercent is < 1 or > 100))
        {
            errors.Add($"Resource '{name}' has WithAutoscaling({scaling.MinReplicas}, {scaling.MaxReplicas}, {scaling.CpuPercent}). " +
                "Fix: use 0 <= min <= max <= 1000, max >= 1, and a CPU target between 1 and 100 percent.");
        }

        if (resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault() is { Replicas: < 1 or > 1000 } replicas)
            errors.Add($"Resource '{name}' has WithReplicas({replicas.Replicas}). Fix: use 1 to 1000 replicas.");

        var gpu = resource.Annotations.OfType<GpuAnnotation>().LastOrDefault();
        if (gpu is not null)
        {
            if (!string.Equals(gpu.Vendor, "nvidia", StringComparison.OrdinalIgnoreCase))
                errors.Add($"Resource '{name}' asks for a '{gpu.Vendor}' GPU; Container Apps offer NVIDIA GPUs only. Fix: use WithGpu(vendor: \"nvidia\").");
            if (gpu.Count != 1)
                errors.Add($"Resource '{name}' asks for {gpu.Count} GPUs; a serverless GPU replica gets exactly one. Fix: use WithGpu(1) and scale out with replicas.");
            if (GpuProfiles.For(gpu) is null)
                errors.Add($"Resource '{name}' asks for GPU SKU '{gpu.Sku}', which has no Container Apps profile. Fix: use WithGpu(sku: ...) with one of: {GpuProfiles.KnownSkus}.");
        }
        else if (resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault() is { } compute)
        {
            if (compute.Cpu <= 0 || compute.MemoryMiB <= 0)
                errors.Add($"Resource '{name}' has WithResources({compute.Cpu}, {compute.MemoryMiB}). Fix: give a positive CPU (cores) and memory (MiB).");
            else if (AppPlanner.Size(compute).Cpu > 4)
                errors.Add($"Resource '{name}' has WithResources({compute.Cpu}, {compute.MemoryMiB}), more than a Consumption replica offers (4 vCPU, 8 GiB). " +
                    "Fix: ask for at most 4 cores and 8192 MiB, or scale out with replicas.");
        }

        foreach (var size in resource.Annotations.OfType<VolumeSizeAnnotation>().Where(s => AppVolumes.QuotaGiB(s.Size) is null or > 102400))
            errors.Add($"Resource '{name}' asks for volume size '{size.Size}' at '{size.Target}', which is not a size up to 100Ti. Fix: use e.g. \"10Gi\".");
    }
}
