using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Turns one resource's annotations into a <see cref="WorkloadPlan"/>. Only primitives are read (image,
/// endpoints, environment, arguments, replicas, health, GPU, mounts, waits): never the resource's type beyond project/container.</summary>
internal sealed class WorkloadPlanner(PublishContext context, KubernetesOptions options, IReadOnlyDictionary<IResource, IReadOnlyList<PortPlan>> ports,
    ValueRenderer renderer)
{
    public async Task<WorkloadPlan> PlanAsync(IResource resource)
    {
        var name = KubernetesNames.Of(resource.Name);
        var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault();
        var project = resource as ProjectResource;
        var generated = dockerfile is null ? project : null;
        var image = ImageOf(resource, generated);
        var omitted = new List<string>();
        var (config, secretEnv) = await EnvironmentAsync(resource, omitted).ConfigureAwait(false);
        var helpers = new SortedDictionary<string, ParameterResource>(StringComparer.Ordinal);
        var args = new List<string>();
        var index = 0;
        foreach (var arg in await context.GetArgsAsync(resource).ConfigureAwait(false))
        {
            var rendered = renderer.Render(resource, $"argument {++index}", arg);
            if (rendered is null)
            {
                omitted.Add($"argument {index}");
                continue;
            }

            foreach (var parameter in rendered.Parameters)
                helpers[KubernetesNames.SecretVariable(parameter.Name)] = parameter;
            args.Add(rendered.Text);
        }

        var plannedPorts = ports.GetValueOrDefault(resource) ?? [];
        var mounts = resource.Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.Volume).ToList();
        var volumes = Volumes(resource, mounts);
        var isJob = OneShot.Is(resource, context.Model.Resources);
        return new WorkloadPlan(resource, name, generated is not null, !isJob && volumes.Any(v => v.ClaimSize is not null), isJob)
        {
            Image = image.Reference,
            ImageName = image.Name,
            ImageTag = image.Tag,
            IsBuiltHere = generated is not null || dockerfile is not null,
            Build = generated is null ? null : DockerfileGenerator.Create(generated, context.AppHostDirectory),
            Dockerfile = dockerfile,
            Ports = plannedPorts,
            Config = config,
            SecretEnv = [.. helpers.Where(h => secretEnv.All(e => e.Name != h.Key)).Select(h => new EnvEntry(h.Key, null, h.Value)), .. secretEnv],
            Command = (resource as ContainerResource)?.Entrypoint is { Length: > 0 } entrypoint ? [entrypoint] : null,
            Args = args,
            Replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1,
            Autoscaling = isJob ? null : resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault(),
            Compute = resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault(),
            Gpu = resource.Annotations.OfType<GpuAnnotation>().LastOrDefault(),
            Readiness = isJob ? null : Probes.Readiness(resource, project, plannedPorts),
            Liveness = isJob ? null : Probes.Liveness(resource, project, plannedPorts),
            Startup = isJob ? null : Probes.Startup(resource, plannedPorts),
            Volumes = volumes,
            Files = KnownImages.DatabaseInitFiles(resource, context.Model, name) is { } init ? [init] : [],
            Waits = Waits(resource),
            JobWaits = [.. resource.Annotations.OfType<WaitAnnotation>()
                .Where(w => w.WaitType == WaitType.WaitForCompletion && KubernetesPublisher.IsWorkload(w.Resource))
                .Select(w => KubernetesNames.Of(w.Resource.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Omitted = omitted,
            // Their contents come from callbacks that need the run-time services; an image or a ConfigMap carries them.
            FilesNotCopied = [.. resource.Annotations.OfType<ContainerFileSystemCallbackAnnotation>().Select(f => f.DestinationPath).Distinct().Order(StringComparer.Ordinal)],
        };
    }


    private async Task<(SortedDictionary<string, string> Config, List<EnvEntry> SecretEnv)> EnvironmentAsync(IResource resource, List<string> omitted)
    {
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var helpers = new SortedDictionary<string, ParameterResource>(StringComparer.Ordinal);
        var direct = new List<EnvEntry>();
        var environment = await context.GetEnvironmentAsync(resource).ConfigureAwait(false);
        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var rendered = renderer.Render(resource, $"environment variable '{key}'", value);
            if (rendered is null)
                omitted.Add(key);
            else if (rendered.Parameters.Count == 0 && IsEnvFileSafe(rendered.Text))
                config[key] = rendered.Text;
            else if (rendered.Parameters.Count == 0)
                direct.Add(new EnvEntry(key, rendered.Text.Replace("$(", "$$(", StringComparison.Ordinal), null));
            else if (rendered.SoleParameter is { } parameter)
                direct.Add(new EnvEntry(key, null, parameter));
            else
            {
                foreach (var used in rendered.Parameters)
                    helpers[KubernetesNames.SecretVariable(used.Name)] = used;
                direct.Add(new EnvEntry(key, rendered.Text, null));
            }
        }

        // Helper variables come first: Kubernetes expands $(VAR) only from variables defined before.
        var entries = helpers.Select(h => new EnvEntry(h.Key, null, h.Value)).ToList();
        entries.AddRange(direct);
        return (config, entries);
    }

    /// <summary>ConfigMap literals are <c>KEY=value</c> lines: multi-line or quoted values go into the container instead.</summary>
    private static bool IsEnvFileSafe(string value) => !value.Contains('\n', StringComparison.Ordinal) && !value.StartsWith('"') && !value.StartsWith('\'');

    /// <summary>Images built here (generated or from the user's Dockerfile) are named after the resource; overlays set
    /// the registry and tag. Pulled images keep their reference.</summary>
    private (string Reference, string Name, string Tag) ImageOf(IResource resource, ProjectResource? generated)
    {
        if (generated is not null || resource.Annotations.OfType<DockerfileBuildAnnotation>().Any())
            return (KubernetesNames.Of(resource.Name), KubernetesNames.Of(resource.Name), options.ImageTag);
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        var name = image.Registry is null ? image.Image : $"{image.Registry}/{image.Image}";
        var tag = image.Tag ?? "latest";
        return (image.SHA256 is null ? $"{name}:{tag}" : $"{name}@sha256:{image.SHA256}", name, tag);
    }

    private List<VolumePlan> Volumes(IResource resource, List<ContainerMountAnnotation> mounts)
    {
        var result = new List<VolumePlan>();
        var sizes = resource.Annotations.OfType<VolumeSizeAnnotation>().ToList();
        foreach (var mount in mounts)
        {
            var baseName = KubernetesNames.Label(mount.Target.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "data", "data");
            var volumeName = baseName;
            for (var i = 2; result.Any(v => v.Name == volumeName); i++)
                volumeName = $"{baseName}-{i}";
            // A named volume outlives the pod (a claim); an anonymous one lives as long as the pod (emptyDir).
            var size = mount.Source is null ? null : sizes.LastOrDefault(s => s.Target == mount.Target)?.Size ?? options.DefaultVolumeSize;
            result.Add(new VolumePlan(volumeName, mount.Target, mount.IsReadOnly, size));
        }

        return result;
    }

    /// <summary>WaitFor becomes "the dependency's Service accepts TCP connections" (a database's wait is on its server).
    /// WaitForCompletion is <see cref="WorkloadPlan.JobWaits"/>: an init container that waits for the Job to succeed.</summary>
    private List<(string Host, int Port)> Waits(IResource resource)
    {
        var waits = new SortedSet<(string Host, int Port)>();
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>().Where(w => w.WaitType == WaitType.WaitUntilHealthy))
        {
            var target = wait.Resource is IResourceWithParent child ? child.Parent : wait.Resource;
            if (ports.GetValueOrDefault(target)?.FirstOrDefault(p => !p.IsUdp) is { } port)
                waits.Add((KubernetesNames.Of(target.Name), port.Port));
        }

        return [.. waits];
    }
}
