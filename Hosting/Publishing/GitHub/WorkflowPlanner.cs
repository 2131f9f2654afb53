using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Azure;
using Deploy.Hosting.Publishing.Compose;
using Deploy.Hosting.Publishing.Dockerfiles;
using Aspire.Hosting.Kubernetes;

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

        return new(Relative(root, AppHostProject()), File.Exists(Path.Combine(root, "global.json")), target.Branch, [.. target.Environments],
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
        var value = parameter.Secret ? null : Value(parameter);
        if (value is not null && (value.Contains("://", StringComparison.Ordinal) || value.Any(char.IsWhiteSpace) || value.Any(char.IsAsciiLetterUpper)))
        {
            problems.Add(parameter.Name, $"The registry '{value}' is not an image registry prefix (lower case host and path, no scheme).",
                $"Set configuration 'Parameters:{parameter.Name}' to a prefix such as ghcr.io/owner.");
        }

        return new(value?.TrimEnd('/'), name, parameter.Secret);
    }

    private string? Value(ParameterResource parameter)
    {
        var value = context.Configuration[ComposeNames.ConfigurationKey(parameter)];
        if (string.IsNullOrWhiteSpace(value) && parameter.Default is { } fallback and not GenerateParameterDefault)
            value = fallback.GetDefaultValue();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    // Generated passwords come from secrets too: a fresh one per deploy would lock the app out of its own database.
    private List<SecretInput> Secrets(RegistryInput registry, IEnumerable<ParameterResource> used)
    {
        var parameters = used
            .Where(p => p != target.Registry && (p.Secret || p.Default is GenerateParameterDefault))
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
            secrets.Add(new(parameter.Name, name, ComposeNames.Variable(parameter), ParametersFile.Variable(parameter), parameter.Default is GenerateParameterDefault));
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

        var images = kind == DeployKind.Azure ? [] : Images(kind.Value, root);
        return new(deploy.Name, kind.Value, images);
    }

    private List<ImageBuild> Images(DeployKind kind, string root)
    {
        var images = new List<ImageBuild>();
        foreach (var resource in context.Model.Resources.Where(r => r is not PublishTargetResource).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var name = resource.Name.ToLowerInvariant();
            if (resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault() is { } dockerfile)
            {
                var buildContext = Path.GetFullPath(dockerfile.ContextPath, context.AppHostDirectory);
                var file = Path.GetFullPath(dockerfile.DockerfilePath, buildContext);
                if (Inside(root, resource, buildContext) && Inside(root, resource, file))
                    images.Add(new(name, resource.Name, Relative(root, file), Relative(root, buildContext), IsGenerated: false));
            }
            else if (resource is ProjectResource project)
            {
                var buildContext = DockerfileGenerator.FindBuildContext(project, context.AppHostDirectory);
                var file = kind == DeployKind.Kubernetes ? $"images/{name}.Dockerfile" : $"{name}.Dockerfile";
                if (Inside(root, resource, buildContext))
                    images.Add(new(name, resource.Name, file, Relative(root, buildContext), IsGenerated: true));
            }
        }

        return images;
    }

    private bool Inside(string root, IResource resource, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            return true;
        problems.Add(resource.Name, $"Its image builds from '{path}', outside the repository '{root}' that CI checks out.",
            "Keep the project and its Dockerfile inside the AppHost's repository.");
        return false;
    }

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

    private static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Length == 0 ? "." : relative;
    }
}
