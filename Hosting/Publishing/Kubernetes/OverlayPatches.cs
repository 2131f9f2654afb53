using System.Security.Cryptography;
using System.Text;
using Deploy.Hosting.Environments;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>What one overlay changes in the base, all from <see cref="DeploymentSettings"/> of that environment:
/// replicas, autoscaling bounds, sizes, image tags, and the names of its Jobs.</summary>
internal sealed class OverlayPatches
{
    private readonly IReadOnlyList<WorkloadPlan> _plans;
    private readonly KubernetesOptions _options;

    public OverlayPatches(IReadOnlyList<WorkloadPlan> plans, string environment, KubernetesOptions options)
    {
        _plans = plans;
        _options = options;
        Settings = plans.ToDictionary(p => p, p => DeploymentSettings.For(p.Resource, environment));
    }

    public IReadOnlyDictionary<WorkloadPlan, DeploymentSettings> Settings { get; }

    /// <summary>The image each workload runs here: images built here move to the registry, with this environment's tag.</summary>
    public (string Name, string NewName, string Tag) Image(WorkloadPlan plan) => plan.IsBuiltHere
        ? (plan.ImageName, _options.ImageRegistry is { } registry ? $"{registry}/{plan.ImageName}" : plan.ImageName, Settings[plan].ImageTag ?? plan.ImageTag)
        : (plan.ImageName, plan.ImageName, plan.ImageTag);

    /// <summary>Fixed replica counts (kustomize <c>replicas:</c>) of the workloads that do not autoscale here.</summary>
    public List<object> Replicas() => [.. _plans.Where(p => !p.IsJob && Settings[p].Autoscaling is null)
        .Select(p => (object)Map(("name", p.Name), ("count", Settings[p].Replicas)))];

    /// <summary>The CPU and memory of each workload in this environment (edit here to size one environment).</summary>
    public List<OrderedDictionary<string, object>> Resources() => [.. _plans.Select(ResourcesPatch)];

    /// <summary>Autoscalers: the base's bounds where this environment declares others, removed where a fixed count applies here.</summary>
    public List<OrderedDictionary<string, object>> Scaling()
    {
        var patches = new List<OrderedDictionary<string, object>>();
        foreach (var plan in _plans.Where(p => p.Autoscaling is { } model && !SameBounds(model, Settings[p].Autoscaling)))
        {
            var metadata = Map(("name", plan.Name));
            patches.Add(Settings[plan].Autoscaling is { } scaling
                ? Map(("apiVersion", "autoscaling/v2"), ("kind", "HorizontalPodAutoscaler"), ("metadata", metadata), ("spec",
                    WorkloadManifests.Autoscaler(plan, new object(), scaling)["spec"]))
                : Map(("$patch", "delete"), ("apiVersion", "autoscaling/v2"), ("kind", "HorizontalPodAutoscaler"), ("metadata", metadata)));
        }

        return patches;
    }

    /// <summary>Autoscalers of workloads that autoscale only in this environment (the base has a fixed count).</summary>
    public List<OrderedDictionary<string, object>> AddedAutoscalers() => [.. AutoscaledOnlyHere()
        .Select(p => WorkloadManifests.Autoscaler(p, WorkloadManifests.Labels(p, _options), Settings[p].Autoscaling!))];

    public List<WorkloadPlan> AutoscaledOnlyHere() => [.. _plans.Where(p => !p.IsJob && p.Autoscaling is null && Settings[p].Autoscaling is not null)];

    /// <summary>This environment's name of each Job: its base name and a hash of everything that makes it this run (its
    /// manifest, configuration, image and size here), so a change is a new Job that runs again on apply.</summary>
    public Dictionary<WorkloadPlan, string> JobNames()
    {
        var names = new Dictionary<WorkloadPlan, string>();
        foreach (var plan in _plans.Where(p => p.IsJob))
        {
            var text = new StringBuilder();
            foreach (var (_, document) in WorkloadManifests.Build(plan, _options))
                text.Append(Yaml.Write(document));
            foreach (var (key, value) in plan.Config)
                text.Append(key).Append('=').Append(value).Append('\n');
            foreach (var (file, content) in plan.Files.SelectMany(f => f.Files))
                text.Append(file).Append('\n').Append(content).Append('\n');
            var image = Image(plan);
            text.Append(image.NewName).Append(':').Append(image.Tag).Append('\n');
            text.Append(Yaml.Write(ResourcesPatch(plan)));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
            var baseName = plan.Name.Length > KubernetesNames.MaxLabelLength - 9 ? plan.Name[..(KubernetesNames.MaxLabelLength - 9)].TrimEnd('-') : plan.Name;
            names[plan] = $"{baseName}-{hash}";
        }

        return names;
    }

    /// <summary>The waits of the dependents, pointed at this environment's Job names.</summary>
    public List<OrderedDictionary<string, object>> JobWaitPatches(IReadOnlyDictionary<WorkloadPlan, string> jobNames)
    {
        var byName = jobNames.ToDictionary(j => j.Key.Name, j => j.Value, StringComparer.Ordinal);
        return [.. _plans.Where(p => p.JobWaits.Any(byName.ContainsKey)).Select(plan => Patch(plan, Map(("template", Map(("spec", Map(
            ("initContainers", plan.JobWaits.Where(byName.ContainsKey).Select(j => (object)Map(("name", JobWaits.ContainerName(j)),
                ("env", new List<object> { Map(("name", JobWaits.JobVariable), ("value", byName[j])) }))).ToList()))))))))];
    }

    private static bool SameBounds(Scaling.AutoscalingAnnotation model, Scaling.AutoscalingAnnotation? here) =>
        here is not null && (model.MinReplicas, model.MaxReplicas, model.CpuPercent) == (here.MinReplicas, here.MaxReplicas, here.CpuPercent);

    private OrderedDictionary<string, object> ResourcesPatch(WorkloadPlan plan) => Patch(plan, Map(("template", Map(("spec", Map(("containers",
        new List<object> { Map(("name", plan.Name), ("resources", PodTemplate.Resources(plan with { Compute = Settings[plan].Compute }, gpu: null))) })))))));

    private static OrderedDictionary<string, object> Patch(WorkloadPlan plan, object spec) =>
        Map(("apiVersion", plan.ApiVersion), ("kind", plan.Kind), ("metadata", Map(("name", plan.Name))), ("spec", spec));
}
