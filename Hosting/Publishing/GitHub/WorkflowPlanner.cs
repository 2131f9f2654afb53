using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kubernetes;
using Deploy.Hosting.Publishing.Azure;
using Deploy.Hosting.Publishing.Compose;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Publishing.Kubernetes;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Reads the model into a <see cref="WorkflowPlan"/>, collecting every problem.</summary>
internal sealed class WorkflowPlanner(GitHubWorkflowsResource target, PublishContext context, GitHubProblems problems)
{
    public const string ProjectKey = "Deploy:GitHub:AppHostProject";

    public async Task<WorkflowPlan> PlanAsync()
    {
        var root = RepositoryRoot.Find(context.AppHostDirectory);
        CheckEnvironments();
        var registry = Registry();
        var secrets = Secrets(registry, await ModelParameters.FindAsync(context).ConfigureAwait(false));
        var targets = context.Model.Resources.OfType<PublishTargetResource>().Where(t => t is not GitHubWorkflowsResource)
            .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Target(t, root)).OfType<WorkflowTarget>().ToList();
        if (targets.Count == 0)
        {
            problems.Add(target.Name, "The model declares no deploy target, so there is nothing for a workflow to deploy.",
                "Add one beside it: AddKubernetesEnvironment(\"k8s\"), AddDockerComposeEnvironment(\"compose\") or AddAzureContainerAppEnvironment(\"aca\").");
        }

        return new(RepositoryRoot.Relative(root, AppHostProject()), File.Exists(Path.Combine(root, "global.json")), target.Branch, [.. target.Environments],
            registry, secrets, targets);
    }

    private void CheckEnvironments()
    {
        if (target.Environments.Count == 0)
            problems.Add(target.Name, "It has no environment to deploy to.", "Call WithEnvironments(\"staging\", \"production\") or leave the default.");
        foreach (var environment in target.Environments.Where(e => !GitHubNames.IsValidEnvironment(e)))
        {
            problems.Add(target.Name, $"Environment '{environment}' is not a valid name (a letter, then letters, digits, '-' or '_'; at most 64).",
                "Rename it in WithEnvironments, for example 'staging'.");
        }

        foreach (var duplicate in target.Environments.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(target.Name, $"Environment '{duplicate.Key}' is listed twice (GitHub environment names ignore case).", "List it once.");
    }

    private RegistryInput Registry()
    {
        if (target.Registry is not { } parameter)
            return new(null, "REGISTRY", IsSecret: false);
        var name = GitHubNames.Secret(parameter);
        if (!GitHubNames.IsValidSecret(name))
        {
            problems.Add(parameter.Name, $"Its GitHub {(parameter.Secret ? "secret" : "variable")} would be named {name}, which GitHub rejects " +
                "(no leading digit, no GITHUB_ prefix).", "Rename the parameter.");
        }

        var value = parameter.Secret ? null : Value(parameter);
        if (value is not null && (value.Contains("://", StringComparison.Ordinal) || value.Any(char.IsWhiteSpace) || value.Any(char.IsAsciiLetterUpper)))
        {
            problems.Add(parameter.Name, $"The registry '{value}' is not an image registry prefix (lower case host and path, no scheme).",
                $"Set configuration 'Parameters:{parameter.Name}' to a prefix such as ghcr.io/owner.");
        }

        return new(value?.TrimEnd('/'), name, parameter.Secret);
    }

    // Configuration, else the value given to AddParameter; the synchronous read, since GetValueAsync may wait for a prompt.
    private static string? Value(ParameterResource parameter)
    {
        if (parameter.Default is GenerateParameterDefault)
            return null;
        try
        {
#pragma warning disable CS0618
            var value = parameter.Value;
#pragma warning restore CS0618
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        catch (MissingParameterValueException)
        {
            return null;
        }
    }

    // A non-secret parameter without a value comes from a GitHub variable. Generated passwords come from secrets too: a fresh one per deploy would lock the app out of its own database.
    private List<SecretInput> Secrets(RegistryInput registry, IEnumerable<ParameterResource> used)
    {
        var parameters = used
            .Where(p => p != target.Registry && (p.Secret || p.Default is GenerateParameterDefault || Value(p) is null))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var secrets = new List<SecretInput>();
        foreach (var parameter in parameters)
        {
            var name = GitHubNames.Secret(parameter);
            if (!GitHubNames.IsValidSecret(name))
            {
                problems.Add(parameter.Name, $"Its GitHub secret would be named {name}, which GitHub rejects (no leading digit, no GITHUB_ prefix).",
                    "Rename the parameter.");
            }

            var clash = secrets.FirstOrDefault(s => s.Secret == name)?.Parameter ?? (name == registry.GitHubName ? target.Registry?.Name : null);
            if (clash is not null)
                problems.Add(parameter.Name, $"Its GitHub secret {name} is also the one of '{clash}'.", "Rename one of the parameters.");
            secrets.Add(new(parameter.Name, name, ComposeNames.Variable(parameter), ParametersFile.Variable(parameter), parameter.Default is GenerateParameterDefault,
                IsVariable: !parameter.Secret && parameter.Default is not GenerateParameterDefault));
        }

        return secrets;
    }

    private WorkflowTarget? Target(PublishTargetResource deploy, string root)
    {
        DeployKind? kind = deploy switch
        {
            KubernetesEnvironmentResource => DeployKind.Kubernetes,
            DockerComposeEnvironmentResource => DeployKind.Compose,
            AzureContainerAppEnvironmentResource => DeployKind.Azure,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add(deploy.Name, $"No workflow deploys a {deploy.TargetDisplayName} target.", $"Deploy '{deploy.Name}' by hand, or remove it.");
            return null;
        }

        CheckEnvironmentFiles(deploy);
        var images = kind == DeployKind.Azure ? [] : new ImagePlanner(context, problems).Plan(kind.Value, root);
        return new(deploy.Name, kind.Value, images);
    }

    // The deploy jobs apply overlays/<env> and compose.<env>.yaml, so the target must write one for every GitHub environment.
    private void CheckEnvironmentFiles(PublishTargetResource deploy)
    {
        var (written, comparer, fix) = deploy switch
        {
            KubernetesEnvironmentResource k8s => (KubernetesOptions.From(k8s, context.Configuration).Environments, StringComparer.Ordinal,
                $"Add it to the overlays of '{deploy.Name}' (WithEnvironments on it, or Deploy:Kubernetes:Environments)."),
            DockerComposeEnvironmentResource compose => (ComposeEnvironments(compose), StringComparer.OrdinalIgnoreCase,
                $"Add it to the environments of '{deploy.Name}' (WithEnvironments on it, or Deploy:Compose:Environments)."),
            _ => ((IReadOnlyList<string>)[.. target.Environments], StringComparer.Ordinal, ""),
        };
        foreach (var environment in target.Environments.Where(e => !written.Contains(e, comparer)))
            problems.Add(deploy.Name, $"It writes no files for GitHub environment '{environment}', which workflow '{target.Name}' deploys to.", fix);
    }

    private string[] ComposeEnvironments(DockerComposeEnvironmentResource compose) =>
        context.Configuration["Deploy:Compose:Environments"] is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. compose.Environments];

    // Deploy:GitHub:AppHostProject wins (a host that is not the AppHost, such as a test, names the real one); then Aspire's
    // AppHost:Path; then the project file in the AppHost's directory.
    private string AppHostProject()
    {
        var configured = context.Configuration[$"{ProjectKey}"];
        var path = configured is { Length: > 0 } ? Path.GetFullPath(configured, context.AppHostDirectory) : context.Configuration["AppHost:Path"];
        if (path is not null && Path.GetExtension(path) is ".csproj" or ".cs")
            return path;
        var directory = path is not null && Directory.Exists(path) ? path : context.AppHostDirectory;
        var project = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (project is null)
        {
            problems.Add(target.Name, $"No AppHost project file was found in '{directory}', so CI could not publish the model.",
                $"Publish from the AppHost project (dotnet run --project <AppHost.csproj>), or set configuration '{ProjectKey}' to it.");
        }

        return project ?? directory;
    }
}
