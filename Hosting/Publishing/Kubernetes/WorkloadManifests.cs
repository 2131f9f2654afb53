using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>The objects in <c>base/&lt;resource&gt;/</c>, each as an ordered map, keyed by file name.</summary>
internal static class WorkloadManifests
{
    /// <remarks>No Ingress here: one per overlay routes every external service (<see cref="Ingresses"/>).</remarks>
    public static SortedDictionary<string, object> Build(WorkloadPlan plan, KubernetesOptions options)
    {
        var labels = Labels(plan, options);
        var selector = Sorted(KubernetesNames.Selector(plan.Name, options.AppName));
        var files = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            [$"{plan.Kind.ToLowerInvariant()}.yaml"] = Workload(plan, options, labels, selector),
        };
        if (plan.Ports.Count > 0 && !plan.IsJob)
            files["service.yaml"] = Service(plan, labels, selector);
        if (plan.Autoscaling is { } scaling)
            files["hpa.yaml"] = Autoscaler(plan, labels, scaling);

        // With more than one pod, voluntary disruptions (node drains, upgrades) take them down one at a time.
        if (plan.MinimumPods > 1 && !plan.IsJob)
        {
            files["pdb.yaml"] = Document("policy/v1", "PodDisruptionBudget", plan.Name, labels,
                Map(("maxUnavailable", 1), ("selector", Map(("matchLabels", selector)))));
        }

        return files;
    }

    /// <summary>The HorizontalPodAutoscaler of a workload (an overlay adds it where only that environment autoscales).</summary>
    public static OrderedDictionary<string, object> Autoscaler(WorkloadPlan plan, object labels, Scaling.AutoscalingAnnotation scaling) =>
        Document("autoscaling/v2", "HorizontalPodAutoscaler", plan.Name, labels, Map(
            ("scaleTargetRef", Map(("apiVersion", plan.ApiVersion), ("kind", plan.Kind), ("name", plan.Name))),
            ("minReplicas", scaling.MinReplicas),
            ("maxReplicas", scaling.MaxReplicas),
            ("metrics", new List<object>
            {
                Map(("type", "Resource"), ("resource", Map(("name", "cpu"),
                    ("target", Map(("type", "Utilization"), ("averageUtilization", scaling.CpuPercent)))))),
            })));

    public static OrderedDictionary<string, object> Labels(WorkloadPlan plan, KubernetesOptions options) =>
        Sorted(KubernetesNames.Labels(plan.Name, options.AppName, PodTemplate.Component(plan)));

    public static OrderedDictionary<string, object> Document(string apiVersion, string kind, string name, object labels, object spec) => Map(
        ("apiVersion", apiVersion), ("kind", kind), ("metadata", Map(("name", name), ("labels", labels))), ("spec", spec));

    private static OrderedDictionary<string, object> Workload(WorkloadPlan plan, KubernetesOptions options, object labels, object selector)
    {
        var template = PodTemplate.Build(plan, options);
        if (plan.IsJob)
        {
            // Retries cover a dependency that is not up yet. A finished Job is removed after an hour (its logs stay that
            // long). Each overlay names it after a hash of its spec and image (JobNames): a Job's template cannot be
            // changed in place, and a new name is a new Job, so applying a changed overlay runs it again.
            return Document("batch/v1", "Job", plan.Name, labels, Map(
                ("backoffLimit", 6),
                ("ttlSecondsAfterFinished", 3600),
                ("template", template)));
        }

        // The autoscaler owns the replica count; writing one here would fight it on every apply.
        int? replicas = plan.Autoscaling is null ? plan.Replicas : null;
        if (plan.IsStateful)
        {
            return Document("apps/v1", "StatefulSet", plan.Name, labels, Map(
                ("serviceName", plan.Name),
                ("replicas", replicas),
                ("selector", Map(("matchLabels", selector))),
                ("template", template),
                ("volumeClaimTemplates", plan.Volumes.Where(v => v.ClaimSize is not null).Select(v => (object)Map(
                    ("metadata", Map(("name", v.Name))),
                    ("spec", Map(
                        ("accessModes", new List<object> { "ReadWriteOnce" }),
                        ("storageClassName", options.StorageClassName),
                        ("resources", Map(("requests", Map(("storage", v.ClaimSize))))))))).ToList())));
        }

        // A GPU is scarce: a rolling update would wait for a second one, so the old pod goes first.
        var strategy = plan.Gpu is not null
            ? Map(("type", "Recreate"))
            : Map(("type", "RollingUpdate"), ("rollingUpdate", Map(("maxSurge", 1), ("maxUnavailable", 0))));
        return Document("apps/v1", "Deployment", plan.Name, labels, Map(
            ("replicas", replicas),
            ("selector", Map(("matchLabels", selector))),
            ("strategy", strategy),
            ("template", template)));
    }

    private static OrderedDictionary<string, object> Service(WorkloadPlan plan, object labels, object selector) =>
        Document("v1", "Service", plan.Name, labels, Map(
            ("type", "ClusterIP"),
            // A StatefulSet's governing Service is headless: the name resolves straight to the pod.
            ("clusterIP", plan.IsStateful ? "None" : null),
            ("selector", selector),
            ("ports", plan.Ports.Select(p => (object)Map(("name", p.PortName), ("port", p.Port), ("targetPort", p.PortName),
                ("protocol", p.IsUdp ? "UDP" : "TCP"))).ToList())));
}
