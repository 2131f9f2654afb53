using System.Text;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Deploys the published kustomize overlay of one environment: kubeconfig and <c>parameters.env</c> from
/// secrets, <c>kubectl apply -k</c>, then every rollout watched and undone when one fails.</summary>
internal static class KubernetesDeployJob
{
    public static string KubeConfigSecret(string environment) => GitHubNames.PerEnvironment("KUBE_CONFIG", environment);

    public static IReadOnlyList<object> Steps(WorkflowPlan plan, WorkflowTarget target, string environment)
    {
        var overlay = $"overlays/{environment}";
        var folder = CommonJobs.ArtifactFolder(target);
        var secrets = new StringBuilder("umask 077\n{\n");
        foreach (var secret in plan.Secrets)
            secrets.Append("  printf '%s=%s\\n' '").Append(secret.Parameter).Append("' \"$").Append(secret.Secret).Append("\"\n");
        secrets.Append("} > ").Append(overlay).Append("/parameters.env\n");
        var env = Map([.. plan.Secrets.Select(s => (s.Secret, (object?)s.Expression))]);
        return
        [
            CommonJobs.Download(target),
            Map(("name", "Kubeconfig"), ("env", Map(("KUBE_CONFIG", GitHubNames.SecretExpression(KubeConfigSecret(environment))))),
                ("run", "install -m 700 -d ~/.kube\nprintf '%s' \"$KUBE_CONFIG\" > ~/.kube/config\nchmod 600 ~/.kube/config\n")),
            // The Secret generator reads parameters.env; it exists only on this runner, never in the artifact.
            Map(("name", "Parameters"), ("working-directory", folder), ("env", env.Count == 0 ? null : env), ("run", secrets.ToString())),
            Map(("name", $"Apply {overlay}"), ("working-directory", folder), ("run", Apply(overlay))),
        ];
    }

    // A failed rollout is undone for every workload, so the environment is left on the previous release, and the job fails.
    private static string Apply(string overlay) =>
        "set -euo pipefail\n" +
        $"kubectl apply -k {overlay}\n" +
        $"kubectl get -k {overlay} -o jsonpath='{{range .items[*]}}{{.kind}} {{.metadata.namespace}} {{.metadata.name}}{{\"\\n\"}}{{end}}' \\\n" +
        "  | awk '$1 == \"Deployment\" || $1 == \"StatefulSet\" { print tolower($1) \"/\" $3, $2 }' > workloads.txt\n" +
        "failed=0\n" +
        "while read -r workload namespace; do\n" +
        "  kubectl rollout status \"$workload\" -n \"$namespace\" --timeout=10m || failed=1\n" +
        "done < workloads.txt\n" +
        "if [ \"$failed\" = 1 ]; then\n" +
        "  while read -r workload namespace; do\n" +
        "    kubectl rollout undo \"$workload\" -n \"$namespace\" || true\n" +
        "  done < workloads.txt\n" +
        "  echo \"::error::A rollout failed; every workload was rolled back.\"\n" +
        "  exit 1\n" +
        "fi\n";
}
