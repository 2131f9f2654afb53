using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Turns one resource's annotations into a <see cref="WorkloadPlan"/>. Only primitives are read (image,
/// endpoints, environment, arguments, replicas, health, GPU, mounts): never the resource's type beyond project/container.</summary>
internal sealed class WorkloadPlanner(PublishContext context, KubernetesOptions options, IReadOnlyDictionary<IResource, IReadOnlyList<PortPlan>> ports,
    ValueRenderer renderer)
{
    public async Task<WorkloadPlan> PlanAsync(IResource resource, CancellationToken cancellationToken)
    {
        var name = KubernetesNames.Of(resource.Name);
        var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault();
        var project = resource as ProjectResource;
        var generated = dockerfile is null ? project : null;
        var image = ImageOf(resource, dockerfile is null ? project : null);
        var omitted = new List<string>();
        var (config, secretEnv) = await EnvironmentAsync(resource, omitted, cancellationToken);
        var helpers = new SortedDictionary<string, ParameterResource>(StringComparer.Ordinal);
        var args = new List<string>();
        var index = 0;
        foreach (var arg in await context.GetArgsAsync(resource, cancellationToken))
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
        return new WorkloadPlan(resource, name, generated is not null, volumes.Any(v => v.ClaimSize is not null))
        {
            Image = image.Reference,
            ImageName = image.Name,
            ImageTag = image.Tag,
            Build = generated is null ? null : DockerfileGenerator.Create(generated, context.Model.AppHostDirectory),
            Dockerfile = dockerfile,
            Ports = plannedPorts,
            Config = config,
            SecretEnv = [.. helpers.Where(h => secretEnv.All(e => e.Name != h.Key)).Select(h => new EnvEntry(h.Key, null, h.Value)), .. secretEnv],
            Command = (resource as ContainerResource)?.Entrypoint is { } entrypoint ? [entrypoint] : null,
            Args = args,
            Replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1,
            Autoscaling = resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault(),
            Compute = resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault(),
            Gpu = resource.Annotations.OfType<GpuAnnotation>().LastOrDefault(),
            Readiness = Probes.Readiness(resource, project, plannedPorts),
            Liveness = Probes.Liveness(project, plannedPorts),
            Volumes = volumes,
            Files = Files(resource, name),
            Waits = Waits(resource),
            Omitted = omitted,
        };
    }

    private async Task<(SortedDictionary<string, string> Config, List<EnvEntry> SecretEnv)> EnvironmentAsync(IResource resource, List<string> omitted,
        CancellationToken cancellationToken)
    {
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var helpers = new SortedDictionary<string, ParameterResource>(StringComparer.Ordinal);
        var direct = new List<EnvEntry>();
        var environment = await context.GetEnvironmentAsync(resource, cancellationToken);
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
    private static (string Reference, string Name, string Tag) ImageOf(IResource resource, ProjectResource? project)
    {
        if (project is not null || resource.Annotations.OfType<DockerfileBuildAnnotation>().Any())
            return (KubernetesNames.Of(resource.Name), KubernetesNames.Of(resource.Name), "latest");
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        var name = image.Registry is null ? image.Image : $"{image.Registry}/{image.Image}";
        return (image.Reference, name, image.Tag);
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
    /// WaitForCompletion has no cluster equivalent without extra permissions, so it is not carried over.</summary>
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

    private static List<FilesPlan> Files(IResource resource, string name)
    {
        var result = new List<FilesPlan>();
        foreach (var annotation in resource.Annotations.OfType<ContainerFilesAnnotation>())
        {
            var suffix = result.Count == 0 ? "" : $"-{result.Count + 1}";
            var folder = "files/" + KubernetesNames.Label(annotation.DestinationPath, "files") + suffix;
            var files = new SortedDictionary<string, string>(annotation.Files().ToDictionary(), StringComparer.Ordinal);
            result.Add(new FilesPlan($"files{suffix}", $"{name}-files{suffix}", annotation.DestinationPath, folder, files));
        }

        return result;
    }
}
