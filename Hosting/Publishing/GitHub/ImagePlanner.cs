using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>The images a workflow builds and pushes: a project's from the Dockerfile its target writes, a Dockerfile
/// resource's from its own, each built from a context inside the repository CI checks out.</summary>
internal sealed class ImagePlanner(PublishContext context, GitHubProblems problems)
{
    public List<ImageBuild> Plan(DeployKind kind, string root)
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
                    images.Add(new(name, resource.Name, RepositoryRoot.Relative(root, file), RepositoryRoot.Relative(root, buildContext), IsGenerated: false));
            }
            else if (resource is ProjectResource project)
            {
                var buildContext = DockerfileGenerator.FindBuildContext(project, context.AppHostDirectory);
                var file = kind == DeployKind.Kubernetes ? $"images/{name}.Dockerfile" : $"{name}.Dockerfile";
                if (Inside(root, resource, buildContext))
                    images.Add(new(name, resource.Name, file, RepositoryRoot.Relative(root, buildContext), IsGenerated: true));
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
}
