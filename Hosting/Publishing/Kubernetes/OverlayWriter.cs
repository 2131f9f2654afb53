using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Writes <c>overlays/&lt;environment&gt;/</c>: a namespace, the Ingress, image names and tags, replica counts,
/// autoscaling bounds, resource sizes, Job names (<see cref="OverlayPatches"/>), and the Secret generated from the
/// git-ignored <c>parameters.env</c>. Overlays differ only by what the model declares per environment.</summary>
internal static class OverlayWriter
{
    /// <summary>Writes every overlay; returns, when secrets were filled, the parameters still without a value.</summary>
    public static IReadOnlyList<string> Write(string root, string finalRoot, IReadOnlyList<WorkloadPlan> plans, IReadOnlyList<ParameterResource> parameters,
        KubernetesOptions options, IConfiguration configuration)
    {
        var stillEmpty = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var environment in options.Environments)
        {
            var folder = $"overlays/{environment}";
            var appName = KubernetesNames.Label(options.AppName, "app");
            var ns = KubernetesNames.Label($"{appName}-{environment}");
            OutputFiles.Write(root, $"{folder}/namespace.yaml", Yaml.Write(Map(("apiVersion", "v1"), ("kind", "Namespace"),
                ("metadata", Map(("name", ns), ("labels", Sorted([KeyValuePair.Create(KubernetesNames.PartOfLabel, appName)])))))));
            OutputFiles.Write(root, $"{folder}/kustomization.yaml", Yaml.Write(Kustomization(root, folder, environment, ns, plans, parameters.Count > 0, options)));
            if (parameters.Count == 0)
                continue;

            OutputFiles.Write(root, $"{folder}/{SecretsFile.ExampleFileName}", SecretsFile.Example(environment, parameters));
            if (options.FillSecrets)
            {
                var (text, empty) = SecretsFile.Fill(Path.Combine(finalRoot, folder, SecretsFile.FileName), parameters, configuration);
                OutputFiles.Write(root, $"{folder}/{SecretsFile.FileName}", text, ownerOnly: true);
                stillEmpty.UnionWith(empty);
            }
        }

        if (parameters.Count > 0)
        {
            OutputFiles.Write(root, ".gitignore", "# Filled-in secret values (kustomize reads them; never commit them).\n" +
                string.Concat(options.Environments.Order(StringComparer.Ordinal).Select(e => $"overlays/{e}/{SecretsFile.FileName}\n")));
        }

        return [.. stillEmpty];
    }

    private static OrderedDictionary<string, object> Kustomization(string root, string folder, string environment, string ns,
        IReadOnlyList<WorkloadPlan> plans, bool hasSecrets, KubernetesOptions options)
    {
        var overlay = new OverlayPatches(plans, environment, options);
        var resources = new List<object> { "namespace.yaml", "../../base" };
        var patches = new List<object> { Map(("path", "resources.yaml")) };
        void Optional(string file, IReadOnlyList<OrderedDictionary<string, object>> documents, List<object> list)
        {
            if (documents.Count == 0)
                return;
            OutputFiles.Write(root, $"{folder}/{file}", Yaml.WriteAll(documents));
            list.Add(list == patches ? Map(("path", file)) : file);
        }

        Optional("ingress.yaml", Ingresses.Build(plans, environment, options) is { } ingress ? [ingress] : [], resources);
        Optional("hpa.yaml", overlay.AddedAutoscalers(), resources);
        Optional("scaling.yaml", overlay.Scaling(), patches);
        var jobNames = overlay.JobNames();
        Optional("jobs.yaml", overlay.JobWaitPatches(jobNames), patches);
        // The autoscaler added here owns the count; the base's would fight it on every apply.
        foreach (var plan in overlay.AutoscaledOnlyHere())
            patches.Add(Inline(plan.Kind, plan.Name, Map(("op", "remove"), ("path", "/spec/replicas")), renames: false));
        foreach (var (plan, name) in jobNames.OrderBy(j => j.Key.Name, StringComparer.Ordinal))
            patches.Add(Inline(plan.Kind, plan.Name, Map(("op", "replace"), ("path", "/metadata/name"), ("value", name)), renames: true));

        // Pulled images keep their reference (an overlay can point them at a mirror); the helpers' images are listed for the same reason.
        var images = plans.Select(overlay.Image)
            .Concat(plans.Any(p => p.Waits.Count > 0) ? [Split(PodTemplate.WaitImage)] : [])
            .Concat(plans.Any(p => p.JobWaits.Count > 0) ? [Split(JobWaits.KubectlImage)] : [])
            .DistinctBy(i => i.Name, StringComparer.Ordinal).OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (object)Map(("name", i.Name), ("newName", i.NewName), ("newTag", i.Tag))).ToList();
        var replicas = overlay.Replicas();
        OutputFiles.Write(root, $"{folder}/resources.yaml", Yaml.WriteAll(overlay.Resources()));
        return Map(
            ("apiVersion", BaseWriter.KustomizeApiVersion),
            ("kind", "Kustomization"),
            ("namespace", ns),
            ("resources", resources),
            ("images", images),
            ("replicas", replicas.Count == 0 ? null : replicas),
            ("patches", patches),
            ("secretGenerator", hasSecrets
                ? new List<object> { Map(("name", PodTemplate.ParametersSecret), ("envs", new List<object> { SecretsFile.FileName })) }
                : null));
    }

    private static OrderedDictionary<string, object> Inline(string kind, string name, object operation, bool renames) => Map(
        ("target", Map(("kind", kind), ("name", name))),
        ("patch", Yaml.Write(new List<object> { operation })),
        ("options", renames ? Map(("allowNameChange", true)) : null));

    private static (string Name, string NewName, string Tag) Split(string image)
    {
        var colon = image.LastIndexOf(':');
        return (image[..colon], image[..colon], image[(colon + 1)..]);
    }
}
