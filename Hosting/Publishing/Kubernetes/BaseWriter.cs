using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Writes <c>base/</c>: one folder per workload (its objects, ConfigMap generator and files) and a
/// kustomization listing them, plus the generated Dockerfiles under <c>images/</c>.</summary>
internal static class BaseWriter
{
    public const string KustomizeApiVersion = "kustomize.config.k8s.io/v1beta1";

    public static void Write(string root, IReadOnlyList<WorkloadPlan> plans, KubernetesOptions options)
    {
        foreach (var plan in plans)
        {
            var folder = $"base/{plan.Name}";
            var objects = WorkloadManifests.Build(plan, options);
            foreach (var (file, document) in objects)
                OutputFiles.Write(root, $"{folder}/{file}", Yaml.Write(document));
            foreach (var files in plan.Files)
            {
                foreach (var (fileName, content) in files.Files)
                    OutputFiles.Write(root, $"{folder}/{files.Folder}/{fileName}", content);
            }

            OutputFiles.Write(root, $"{folder}/kustomization.yaml", Yaml.Write(Kustomization(plan, objects.Keys)));
            if (plan.Build is { } build)
            {
                OutputFiles.Write(root, $"images/{plan.Name}.Dockerfile", build.Dockerfile);
                OutputFiles.Write(root, $"images/{plan.Name}.Dockerfile.dockerignore", build.DockerIgnore);
            }
        }

        var folders = plans.Select(p => p.Name).ToList();
        if (plans.Any(p => p.JobWaits.Count > 0))
        {
            var rbac = JobWaits.Rbac(options.AppName);
            foreach (var (file, document) in rbac)
                OutputFiles.Write(root, $"base/{JobWaits.ServiceAccount}/{file}", Yaml.Write(document));
            OutputFiles.Write(root, $"base/{JobWaits.ServiceAccount}/kustomization.yaml", Yaml.Write(Map(("apiVersion", KustomizeApiVersion),
                ("kind", "Kustomization"), ("resources", rbac.Keys.Select(f => (object)f).ToList()))));
            folders.Add(JobWaits.ServiceAccount);
        }

        OutputFiles.Write(root, "base/kustomization.yaml", Yaml.Write(Map(
            ("apiVersion", KustomizeApiVersion),
            ("kind", "Kustomization"),
            ("resources", folders.Order(StringComparer.Ordinal).Select(f => (object)f).ToList()))));
    }

    private static OrderedDictionary<string, object> Kustomization(WorkloadPlan plan, IEnumerable<string> objectFiles)
    {
        var generators = new List<object>();
        if (plan.Config.Count > 0)
        {
            generators.Add(Map(("name", $"{plan.Name}-env"),
                ("literals", plan.Config.Select(c => (object)$"{c.Key}={c.Value}").ToList())));
        }

        foreach (var files in plan.Files)
        {
            generators.Add(Map(("name", files.ConfigMapName),
                ("files", files.Files.Keys.Select(f => (object)$"{files.Folder}/{f}").ToList())));
        }

        return Map(
            ("apiVersion", KustomizeApiVersion),
            ("kind", "Kustomization"),
            ("resources", objectFiles.Select(f => (object)f).ToList()),
            ("configMapGenerator", generators.Count == 0 ? null : generators));
    }
}
