using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary><c>WaitForCompletion</c> in the cluster: the dependent's init container waits until the Job succeeded,
/// reading it through a ServiceAccount that may only get, list and watch Jobs in the namespace.</summary>
/// <remarks>The token is projected into the init container alone (the pod keeps <c>automountServiceAccountToken:
/// false</c>), so the application's containers never hold API credentials. The Job's name changes per overlay
/// (<see cref="JobNames"/>), so the wait reads it from the variable <c>JOB</c> that each overlay patches.</remarks>
internal static class JobWaits
{
    public const string ServiceAccount = "job-waiter";

    /// <summary>Has <c>sh</c> and <c>kubectl</c>; pinned, and listed in every overlay's images so it can be mirrored.</summary>
    public const string KubectlImage = "docker.io/alpine/k8s:1.32.4";

    public const string JobVariable = "JOB";

    private const string TokenVolumeName = "job-waiter-token";

    // Found "Complete": go. Found "Failed": exit 1, so the pod retries with back-off and never becomes ready on a failed
    // migration. Not found: the Job is created by the same apply, seconds apart, so absence beyond a minute means the
    // Job finished and ttlSecondsAfterFinished removed it; a pod rescheduled after that must still start (the Job's name
    // is a hash of its spec, so a Job that is gone is one that already ran for exactly this spec).
    // "$$" keeps Kubernetes from reading "$(...)" as a reference to a container variable.
    private const string Script = """
        i=0
        while :; do
          if out=$$(kubectl get job "$JOB" --ignore-not-found -o jsonpath='{.metadata.name}{" "}{.status.conditions[?(@.status=="True")].type}'); then
            case "$out" in
              "") if [ "$i" -ge 30 ]; then echo "job $JOB not found for 60s: it finished and was removed (ttlSecondsAfterFinished)"; exit 0; fi ;;
              *Complete*) echo "job $JOB succeeded"; exit 0 ;;
              *Failed*) echo "job $JOB failed: kubectl logs job/$JOB"; exit 1 ;;
            esac
          fi
          i=$$((i+1)); echo "waiting for job $JOB"; sleep 2
        done
        """;

    public static string ContainerName(string job) => KubernetesNames.Label($"wait-for-{job}");

    public static OrderedDictionary<string, object> Container(string job) => Map(
        ("name", ContainerName(job)),
        ("image", KubectlImage),
        ("command", new List<object> { "sh", "-c", Script.ReplaceLineEndings("\n") + "\n" }),
        ("env", new List<object> { Map(("name", JobVariable), ("value", job)) }),
        ("resources", Map(("requests", Map(("cpu", "10m"), ("memory", "32Mi"))), ("limits", Map(("cpu", "200m"), ("memory", "128Mi"))))),
        ("securityContext", Map(("runAsNonRoot", true), ("runAsUser", 65534), ("allowPrivilegeEscalation", false), ("readOnlyRootFilesystem", true),
            ("capabilities", Map(("drop", new List<object> { "ALL" }))))),
        ("volumeMounts", new List<object>
        {
            Map(("name", TokenVolumeName), ("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount"), ("readOnly", true)),
        }));

    /// <summary>What automounting would give, as a volume only the init container mounts.</summary>
    public static OrderedDictionary<string, object> TokenVolume() => Map(("name", TokenVolumeName), ("projected", Map(("sources", new List<object>
    {
        Map(("serviceAccountToken", Map(("path", "token"), ("expirationSeconds", 3607)))),
        Map(("configMap", Map(("name", "kube-root-ca.crt"), ("items", new List<object> { Map(("key", "ca.crt"), ("path", "ca.crt")) })))),
        Map(("downwardAPI", Map(("items", new List<object>
        {
            Map(("path", "namespace"), ("fieldRef", Map(("fieldPath", "metadata.namespace")))),
        })))),
    }))));

    /// <summary>The ServiceAccount, a Role reading Jobs only, and their binding (<c>base/job-waiter/</c>).</summary>
    public static SortedDictionary<string, object> Rbac(string appName)
    {
        var labels = Sorted(KubernetesNames.Labels(ServiceAccount, appName, "job-waiter"));
        OrderedDictionary<string, object> Meta() => Map(("name", ServiceAccount), ("labels", labels));
        return new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["serviceaccount.yaml"] = Map(("apiVersion", "v1"), ("kind", "ServiceAccount"), ("metadata", Meta()),
                ("automountServiceAccountToken", false)),
            ["role.yaml"] = Map(("apiVersion", "rbac.authorization.k8s.io/v1"), ("kind", "Role"), ("metadata", Meta()), ("rules", new List<object>
            {
                Map(("apiGroups", new List<object> { "batch" }), ("resources", new List<object> { "jobs" }),
                    ("verbs", new List<object> { "get", "list", "watch" })),
            })),
            ["rolebinding.yaml"] = Map(("apiVersion", "rbac.authorization.k8s.io/v1"), ("kind", "RoleBinding"), ("metadata", Meta()),
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", ServiceAccount))),
                ("subjects", new List<object> { Map(("kind", "ServiceAccount"), ("name", ServiceAccount)) })),
        };
    }
}
