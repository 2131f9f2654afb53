using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Finds what the cluster cannot run, before anything is written. Each problem names the resource and the fix.
/// The rules every target shares (environment names, one-shot work, overrides, routes) are <see cref="ModelRules"/>'s.</summary>
internal static partial class PublishabilityChecker
{
    /// <summary>Whether the cluster can run the resource at all (an executable needs a Dockerfile to become an image).</summary>
    public static bool HasImage(IResource resource) =>
        resource is not ExecutableResource || resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();

    public static List<string> Check(IEnumerable<IResource> workloads, KubernetesOptions options)
    {
        var errors = new List<string>();
        CheckOptions(options, errors);

        foreach (var resource in workloads)
        {
            var name = resource.Name;
            var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();
            if (resource is ExecutableResource executable && !dockerfile)
            {
                errors.Add($"Resource '{name}' is an executable ('{executable.Command}') without a Dockerfile; a cluster runs container images. " +
                    "Fix: add a Dockerfile to its working directory and call PublishAsDockerFile() on it, or model it with AddContainer or AddProject.");
                continue;
            }

            if (resource is ContainerResource && !dockerfile && !resource.Annotations.OfType<ContainerImageAnnotation>().Any())
                errors.Add($"Resource '{name}' is a container without an image. Fix: call WithImage(\"<registry>/<name>:<tag>\") on it.");
            if (name.Length > KubernetesNames.MaxLabelLength)
                errors.Add($"Resource '{name}' has a name longer than {KubernetesNames.MaxLabelLength} characters, too long for a Kubernetes Service. Fix: shorten the name.");
            foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.BindMount))
            {
                errors.Add($"Resource '{name}' bind-mounts the host directory '{mount.Source}' at '{mount.Target}'; cluster nodes do not have it. " +
                    "Fix: use WithVolume for data, WithContainerFiles for small files, or copy the files into the image.");
            }

            CheckSizes(resource, errors);
        }

        return errors;
    }

    private static void CheckOptions(KubernetesOptions options, List<string> errors)
    {
        if (options.Environments.Count == 0)
            errors.Add("Kubernetes target: no environments to write overlays for. Fix: name at least one in WithEnvironments(...).");
        if (options.IngressClusterIssuer is { } issuer && options.IngressDomain is null)
        {
            errors.Add($"Kubernetes target: cert-manager issuer '{issuer}' needs an ingress domain to issue certificates for. " +
                "Fix: call WithIngress(domain: \"example.com\") or set Deploy:Kubernetes:IngressDomain.");
        }

        if (options.GpuNodeSelector is { Length: > 0 } selector && selector.IndexOf('=', StringComparison.Ordinal) <= 0)
            errors.Add($"Kubernetes target: GPU node selector '{selector}' is not 'key=value'. Fix: use e.g. \"agentpool=gpunp\", or \"\" for none.");
        if (!Quantity().IsMatch(options.DefaultVolumeSize))
            errors.Add($"Kubernetes target: default storage size '{options.DefaultVolumeSize}' is not a Kubernetes quantity. Fix: use e.g. \"10Gi\".");
    }

    private static void CheckSizes(IResource resource, List<string> errors)
    {
        var name = resource.Name;
        if (resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault() is { } scaling
            && (scaling.MinReplicas < 1 || scaling.MaxReplicas < scaling.MinReplicas || scaling.CpuPercent is < 1 or > 100))
        {
            errors.Add($"Resource '{name}' has WithAutoscaling({scaling.MinReplicas}, {scaling.MaxReplicas}, {scaling.CpuPercent}). " +
                "Fix: use 1 <= min <= max and a CPU target between 1 and 100 percent.");
        }

        if (resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault() is { } compute && (compute.Cpu <= 0 || compute.MemoryMiB <= 0))
            errors.Add($"Resource '{name}' has WithResources({compute.Cpu}, {compute.MemoryMiB}). Fix: give a positive CPU (cores) and memory (MiB).");

        foreach (var size in resource.Annotations.OfType<VolumeSizeAnnotation>().Where(s => !Quantity().IsMatch(s.Size)))
            errors.Add($"Resource '{name}' asks for volume size '{size.Size}' at '{size.Target}', which is not a Kubernetes quantity. Fix: use e.g. \"10Gi\" or \"500Mi\".");
    }

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")]
    private static partial Regex Quantity();
}
