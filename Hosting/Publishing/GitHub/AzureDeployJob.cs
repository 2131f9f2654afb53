using System.Text;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Deploys the published azd layout with OIDC federated credentials (no stored Azure secret): an azd
/// environment per GitHub environment, parameters from secrets, then provision and deploy. azd builds the images and
/// pushes them to the environment's own registry, so this workflow needs no registry.</summary>
internal static class AzureDeployJob
{
    public const string SetupAzdAction = "Azure/setup-azd@v2";

    public static readonly IReadOnlyList<string> Variables = ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_SUBSCRIPTION_ID", "AZURE_LOCATION"];

    public static OrderedDictionary<string, object> Env() => Map([.. Variables.Select(v => (v, (object?)GitHubNames.VariableExpression(v)))]);

    public static IReadOnlyList<object> Steps(WorkflowPlan plan, WorkflowTarget target, string environment)
    {
        var folder = CommonJobs.ArtifactFolder(target);
        var setup = new StringBuilder();
        // A runner starts without .azure/, so the azd environment is created each run; its name fixes the resource group.
        setup.Append("azd env new ").Append(environment).Append(" --subscription \"$AZURE_SUBSCRIPTION_ID\" --location \"$AZURE_LOCATION\" --no-prompt\n");
        setup.Append("azd env set DOTNET_ENVIRONMENT ").Append(GitHubNames.DotnetEnvironment(environment)).Append('\n');
        foreach (var secret in plan.Secrets)
            setup.Append("azd env set ").Append(secret.AzureVariable).Append(" \"$").Append(secret.Secret).Append("\"\n");
        var env = Map([.. plan.Secrets.Select(s => (s.Secret, (object?)s.Expression))]);
        return
        [
            CommonJobs.Checkout(),
            CommonJobs.Download(target),
            Map(("uses", SetupAzdAction)),
            Map(("name", "azd auth login"),
                ("run", "azd auth login --client-id \"$AZURE_CLIENT_ID\" --federated-credential-provider github --tenant-id \"$AZURE_TENANT_ID\"\n")),
            Map(("name", "azd environment"), ("working-directory", folder), ("env", env.Count == 0 ? null : env), ("run", setup.ToString())),
            // Provision first: a fresh azd environment does not know the registry and apps that deploy targets.
            Map(("name", "azd provision"), ("working-directory", folder), ("run", "azd provision --no-prompt\n")),
            Map(("name", "azd deploy"), ("working-directory", folder), ("run", "azd deploy --no-prompt\n")),
        ];
    }
}
