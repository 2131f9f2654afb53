using System.Text;
using Deploy.Hosting.Publishing.Compose;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Deploys the published Compose files to a host over SSH: the folder (compose files, override files, init
/// scripts) plus a <c>.env</c> built from secrets and the pushed image names, then <c>pull</c> and <c>up -d</c> there.</summary>
internal static class ComposeDeployJob
{
    public static string HostSecret(string environment) => GitHubNames.PerEnvironment("SSH_HOST", environment);

    public static string UserSecret(string environment) => GitHubNames.PerEnvironment("SSH_USER", environment);

    public static string KeySecret(string environment) => GitHubNames.PerEnvironment("SSH_PRIVATE_KEY", environment);

    public static IReadOnlyList<object> Steps(WorkflowPlan plan, WorkflowTarget target, string environment)
    {
        var folder = CommonJobs.ArtifactFolder(target);
        var remote = $"deploy/{target.Name}-{environment}";
        var files = $"-f compose.yaml -f {ComposeNames.OverrideFile(environment)}";
        // .env.example holds the values the AppHost knows (non-secret parameters); what GitHub supplies replaces its entries.
        var supplied = plan.Secrets.Select(s => s.ComposeVariable).Concat(target.Images.Select(i => $"{ComposeNames.Variable(i.Resource)}_IMAGE")).ToList();
        var dotEnv = new StringBuilder("umask 077\n{\n");
        dotEnv.Append("  grep -Ev '^(#|$").Append(string.Concat(supplied.Select(v => $"|{v}="))).Append(")' .env.example || true\n");
        foreach (var secret in plan.Secrets)
            dotEnv.Append("  printf '%s=%s\\n' ").Append(secret.ComposeVariable).Append(" \"$").Append(secret.Secret).Append("\"\n");
        foreach (var image in target.Images)
        {
            dotEnv.Append("  printf '%s=%s\\n' ").Append(ComposeNames.Variable(image.Resource)).Append("_IMAGE \"$REGISTRY/")
                .Append(image.Name).Append(":$GITHUB_SHA\"\n");
        }

        dotEnv.Append("} > .env\n");
        var env = Map([.. plan.Secrets.Select(s => (s.Secret, (object?)s.Expression))]);
        var ssh = Map(("SSH_HOST", GitHubNames.SecretExpression(HostSecret(environment))), ("SSH_USER", GitHubNames.SecretExpression(UserSecret(environment))));
        return
        [
            CommonJobs.Download(target),
            Map(("name", ".env"), ("working-directory", folder), ("env", env.Count == 0 ? null : env), ("run", dotEnv.ToString())),
            Map(("name", "SSH key"),
                ("env", Map(("SSH_HOST", GitHubNames.SecretExpression(HostSecret(environment))), ("SSH_KEY", GitHubNames.SecretExpression(KeySecret(environment))))),
                ("run", "install -m 700 -d ~/.ssh\nprintf '%s\\n' \"$SSH_KEY\" > ~/.ssh/deploy_key\nchmod 600 ~/.ssh/deploy_key\n" +
                    "ssh-keyscan -H \"$SSH_HOST\" >> ~/.ssh/known_hosts\n")),
            // The whole folder travels: compose.yaml mounts init scripts from beside it.
            Map(("name", "Ship the Compose files"), ("working-directory", folder), ("env", ssh),
                ("run", $"tar -czf - . | ssh -i ~/.ssh/deploy_key \"$SSH_USER@$SSH_HOST\" 'mkdir -p {remote} && tar -xzf - -C {remote}'\n")),
            Map(("name", "docker compose up"), ("env", ssh),
                ("run", $"ssh -i ~/.ssh/deploy_key \"$SSH_USER@$SSH_HOST\" 'cd {remote} && docker compose {files} pull && docker compose {files} up -d --remove-orphans'\n")),
        ];
    }
}
