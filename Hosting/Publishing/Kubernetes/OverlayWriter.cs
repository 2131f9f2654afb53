using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Environments;
using Microsoft.Extensions.Configuration;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Writes <c>overlays/&lt;environment&gt;/</c>: a namespace, image names and tags, replica counts, resource
/// sizes, and the Secret generated from the git-ignored <c>parameters.env</c>.</summary>
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
            OutputFiles.Write(root, $"{folder}/resources.yaml", Yaml.WriteAll(plans.Select(p => ResourcesPatch(p, environment))));
            OutputFiles.Write(root, $"{folder}/kustomization.yaml", Yaml.Write(Kustomization(environment, ns, plans, parameters.Count > 0, options)));
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

    private static OrderedDictionary<string, object> Kustomization(string environment, string ns, IReadOnlyList<WorkloadPlan> plans, bool hasSecrets,
        KubernetesOptions options)
    {
        // ForEnvironment decides; without it development runs one pod of everything and the others keep the model's count.
        var replicas = plans.Where(p => p.Autoscaling is null && !p.IsJob)
            .Select(p => (object)Map(("name", p.Name), ("count", DeploymentSettings.Overrides(p.Resource, environment)?.Replicas
                ?? (environment == "development" ? 1 : p.Replicas)))).ToList();
        // Images built here move to the registry, tagged per environment when declared; pulled ones keep theirs (an
        // overlay can point them at a mirror).
        var images = plans.Select(p => (Name: p.ImageName, NewName: p.IsBuiltHere && options.ImageRegistry is { } registry ? $"{registry}/{p.ImageName}" : p.ImageName,
                Tag: p.IsBuiltHere ? DeploymentSettings.Overrides(p.Resource, environment)?.ImageTag ?? p.ImageTag : p.ImageTag))
            .Concat(plans.Any(p => p.Waits.Count > 0) ? [WaitImage()] : [])
            .DistinctBy(i => i.Name, StringComparer.Ordinal).OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (object)Map(("name", i.Name), ("newName", i.NewName), ("newTag", i.Tag))).ToList();
        return Map(
            ("apiVersion", BaseWriter.KustomizeApiVersion),
            ("kind", "Kustomization"),
            ("namespace", ns),
            ("resources", new List<object> { "namespace.yaml", "../../base" }),
            ("images", images),
            ("replicas", replicas.Count == 0 ? null : replicas),
            ("patches", new List<object> { Map(("path", "resources.yaml")) }),
            ("secretGenerator", hasSecrets
                ? new List<object> { Map(("name", PodTemplate.ParametersSecret), ("envs", new List<object> { SecretsFile.FileName })) }
                : null));
    }

    private static (string Name, string NewName, string Tag) WaitImage()
    {
        var colon = PodTemplate.WaitImage.LastIndexOf(':');
        return (PodTemplate.WaitImage[..colon], PodTemplate.WaitImage[..colon], PodTemplate.WaitImage[(colon + 1)..]);
    }

    /// <summary>The CPU and memory of each workload in this environment: the model's, or what ForEnvironment declares.</summary>
    private static OrderedDictionary<string, object> ResourcesPatch(WorkloadPlan plan, string environment)
    {
        var sized = plan with { Compute = DeploymentSettings.For(plan.Resource, environment).Compute };
        var container = Map(("name", plan.Name), ("resources", PodTemplate.Resources(sized, gpu: null)));
        return Map(
            ("apiVersion", plan.ApiVersion),
            ("kind", plan.Kind),
            ("metadata", Map(("name", plan.Name))),
            ("spec", Map(("template", Map(("spec", Map(("containers", new List<object> { container }))))))));
    }
}
