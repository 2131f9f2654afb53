using System.Globalization;
using Deploy.Hosting.Publishing.Dockerfiles;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>The pod template of a workload: one container with its ports, environment, probes, resources and a
/// locked-down security context.</summary>
internal static class PodTemplate
{
    /// <summary>The Secret every overlay generates from its <c>parameters.env</c>.</summary>
    public const string ParametersSecret = "parameters";

    public static OrderedDictionary<string, object> Build(WorkloadPlan plan, KubernetesOptions options)
    {
        var gpu = plan.Gpu is null ? null : new GpuScheduling(plan.Gpu, options);
        var spec = Map(
            // Only the pods that wait for a Job talk to the API server, and only from their init container (JobWaits).
            ("serviceAccountName", plan.JobWaits.Count > 0 ? JobWaits.ServiceAccount : null),
            ("automountServiceAccountToken", false),
            // Service links would add <SERVICE>_PORT variables that some images misread as their own settings.
            ("enableServiceLinks", false),
            // A Job's pod reruns its container until it exits 0 (the Job's backoffLimit caps the attempts).
            ("restartPolicy", plan.IsJob ? "OnFailure" : null),
            ("securityContext", plan.IsProject
                ? Map(("runAsNonRoot", true), ("runAsUser", DockerfileGenerator.AppUserId), ("runAsGroup", DockerfileGenerator.AppUserId),
                    ("fsGroup", DockerfileGenerator.AppUserId), ("seccompProfile", Map(("type", "RuntimeDefault"))))
                : Map(("seccompProfile", Map(("type", "RuntimeDefault"))))),
            ("nodeSelector", gpu?.NodeSelector),
            ("tolerations", gpu?.Tolerations),
            ("initContainers", NullIfEmpty([.. plan.Waits.Select(w => (object)WaitContainer(w.Host, w.Port)),
                .. plan.JobWaits.Select(j => (object)JobWaits.Container(j))])),
            ("containers", new List<object> { Container(plan, gpu) }),
            ("volumes", NullIfEmpty(PodVolumes(plan))));
        return Map(("metadata", Map(("labels", Sorted(KubernetesNames.Labels(plan.Name, options.AppName, Component(plan)))))), ("spec", spec));
    }

    public static string Component(WorkloadPlan plan) => plan.IsProject ? "project" : "container";

    private static OrderedDictionary<string, object> Container(WorkloadPlan plan, GpuScheduling? gpu) => Map(
        ("name", plan.Name),
        ("image", plan.Image),
        ("command", plan.Command),
        ("args", NullIfEmpty(plan.Args.ToList())),
        ("ports", NullIfEmpty(plan.Ports.Select(p => (object)Map(("name", p.PortName), ("containerPort", p.Port),
            ("protocol", p.IsUdp ? "UDP" : "TCP"))).ToList())),
        ("envFrom", plan.Config.Count == 0 ? null : new List<object> { Map(("configMapRef", Map(("name", $"{plan.Name}-env")))) }),
        ("env", NullIfEmpty(plan.SecretEnv.Select(Env).ToList())),
        ("resources", Resources(plan, gpu)),
        ("readinessProbe", Probe(plan.Readiness, initialDelay: 5, period: 10)),
        ("livenessProbe", Probe(plan.Liveness, initialDelay: plan.IsProject ? 10 : 30, period: 20)),
        ("startupProbe", Probe(plan.Startup, initialDelay: 0, period: 5)),
        ("securityContext", plan.IsProject
            ? Map(("allowPrivilegeEscalation", false), ("readOnlyRootFilesystem", true), ("capabilities", Map(("drop", new List<object> { "ALL" }))))
            // Server images (postgres, redis) start as root to fix data ownership, then drop to their own user.
            : Map(("allowPrivilegeEscalation", false))),
        ("volumeMounts", NullIfEmpty(Mounts(plan))));

    /// <summary>The image that waits for dependencies (small, with <c>nc</c>); overlays can point it at a mirror.</summary>
    public const string WaitImage = "docker.io/library/busybox:1.37";

    private static OrderedDictionary<string, object> WaitContainer(string host, int port) => Map(
        ("name", KubernetesNames.Label($"wait-for-{host}")),
        ("image", WaitImage),
        ("command", new List<object> { "sh", "-c",
            $"until nc -z -w 2 {host} {port.ToString(CultureInfo.InvariantCulture)}; do echo waiting for {host}; sleep 2; done" }),
        ("resources", Map(("requests", Map(("cpu", "10m"), ("memory", "16Mi"))), ("limits", Map(("cpu", "100m"), ("memory", "32Mi"))))),
        ("securityContext", Map(("allowPrivilegeEscalation", false), ("readOnlyRootFilesystem", true),
            ("capabilities", Map(("drop", new List<object> { "ALL" }))))));

    private static object Env(EnvEntry entry) => entry.SecretKey is null
        ? Map(("name", entry.Name), ("value", entry.Value))
        : Map(("name", entry.Name), ("valueFrom", Map(("secretKeyRef", Map(("name", ParametersSecret), ("key", entry.SecretKey))))));

    /// <summary>Requests and limits: <c>WithResources</c> sets both (guaranteed QoS); otherwise small requests with room to burst.</summary>
    public static OrderedDictionary<string, object> Resources(WorkloadPlan plan, GpuScheduling? gpu)
    {
        var (requestCpu, requestMemory, limitCpu, limitMemory) = plan.Compute is { } compute
            ? (Cpu(compute.Cpu), Memory(compute.MemoryMiB), Cpu(compute.Cpu), Memory(compute.MemoryMiB))
            : ("100m", "128Mi", "1000m", "512Mi");
        var limits = Map(("cpu", limitCpu), ("memory", limitMemory));
        if (gpu is not null)
            limits[gpu.ResourceName] = plan.Gpu!.Count;
        return Map(("requests", Map(("cpu", requestCpu), ("memory", requestMemory))), ("limits", limits));
    }

    private static string Cpu(double cores) => ((int)Math.Max(1, Math.Round(cores * 1000))).ToString(CultureInfo.InvariantCulture) + "m";

    private static string Memory(int mebibytes) => mebibytes.ToString(CultureInfo.InvariantCulture) + "Mi";

    private static OrderedDictionary<string, object>? Probe(ProbePlan? probe, int initialDelay, int period)
    {
        if (probe is null)
            return null;
        object action = probe switch
        {
            { Exec: { } command } => Map(("exec", Map(("command", command.ToList())))),
            { HttpPath: { } path } => Map(("httpGet", Map(("path", path), ("port", probe.PortName), ("scheme", "HTTP")))),
            _ => Map(("tcpSocket", Map(("port", probe.TcpPortName)))),
        };
        var timing = probe.Timing ?? new ProbeTiming(initialDelay, period, Timeout: 5, FailureThreshold: 3, SuccessThreshold: 1);
        var result = new OrderedDictionary<string, object>((OrderedDictionary<string, object>)action, StringComparer.Ordinal)
        {
            ["initialDelaySeconds"] = timing.InitialDelay,
            ["periodSeconds"] = timing.Period,
            ["timeoutSeconds"] = timing.Timeout,
            ["failureThreshold"] = timing.FailureThreshold,
        };
        // Kubernetes' default; written only when the model chose another (readiness is the only probe that may).
        if (timing.SuccessThreshold != 1)
            result["successThreshold"] = timing.SuccessThreshold;
        return result;
    }

    private static List<object> Mounts(WorkloadPlan plan)
    {
        var mounts = new List<object>();
        if (plan.IsProject)
            mounts.Add(Map(("name", "tmp"), ("mountPath", "/tmp")));
        foreach (var volume in plan.Volumes)
        {
            // Claims are mounted through a sub-directory: a fresh volume's root may hold lost+found, which initdb-style
            // tools refuse to initialise over.
            mounts.Add(Map(("name", volume.Name), ("mountPath", volume.MountPath), ("subPath", volume.ClaimSize is null ? null : volume.Name),
                ("readOnly", volume.ReadOnly ? true : null)));
        }

        foreach (var files in plan.Files)
            mounts.Add(Map(("name", files.VolumeName), ("mountPath", files.MountPath), ("readOnly", true)));
        return mounts;
    }

    private static List<object> PodVolumes(WorkloadPlan plan)
    {
        var volumes = new List<object>();
        // The root filesystem of a project is read-only; /tmp stays writable for the runtime's diagnostics sockets.
        if (plan.IsProject)
            volumes.Add(Map(("name", "tmp"), ("emptyDir", Map())));
        foreach (var volume in plan.Volumes.Where(v => v.ClaimSize is null))
            volumes.Add(Map(("name", volume.Name), ("emptyDir", Map())));
        foreach (var files in plan.Files)
            volumes.Add(Map(("name", files.VolumeName), ("configMap", Map(("name", files.ConfigMapName)))));
        if (plan.JobWaits.Count > 0)
            volumes.Add(JobWaits.TokenVolume());
        return volumes;
    }

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;
}
