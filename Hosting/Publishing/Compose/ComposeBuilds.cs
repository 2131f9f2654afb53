using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>How a service gets its image when it is built rather than pulled.</summary>
/// <param name="Context">The build context, relative to the Compose file.</param>
/// <param name="Dockerfile">The Dockerfile, relative to the build context (Compose resolves it from there).</param>
/// <param name="Target">The multi-stage target, or null for the last stage.</param>
/// <param name="IsGenerated">Whether the Dockerfile is Deploy's own, so its runtime image (and what tools it has) is known.</param>
/// <param name="Arguments">Build arguments, unresolved (strings or parameters).</param>
/// <param name="Secrets">Build secrets by id, unresolved (parameters).</param>
internal sealed record ComposeBuild(string Context, string Dockerfile, string? Target, bool IsGenerated,
    IReadOnlyDictionary<string, object?> Arguments, IReadOnlyDictionary<string, object> Secrets);

/// <summary>Plans image builds: the user's Dockerfile when the model names one, else the generated Dockerfile of a project
/// (written beside the Compose file, with its <c>.dockerignore</c>). An executable without a Dockerfile cannot be published.</summary>
/// <remarks>Paths are relative to where the files end up (<see cref="PublishContext.FinalOutputPath"/>), not to the
/// staging directory they are written into, so they resolve wherever the output folder is.</remarks>
internal sealed class ComposeBuilds(string finalOutputPath, string appHostDirectory, ComposeOutputFiles files, ComposeProblems problems)
{
    private readonly SortedSet<string> _contexts = new(StringComparer.Ordinal);

    /// <summary>The absolute build contexts planned so far: the sources the output's relative paths point at.</summary>
    public IReadOnlyCollection<string> Contexts => _contexts;

    /// <summary>Whether the output folder lies outside a build context, so its relative paths tie it to where the sources are.</summary>
    public bool OutputOutsideSources => _contexts.Any(c => Path.GetRelativePath(c, finalOutputPath) is var r
        && (r == ".." || r.StartsWith("../", StringComparison.Ordinal) || r.StartsWith("..\\", StringComparison.Ordinal) || Path.IsPathRooted(r)));

    /// <summary>The build of <paramref name="resource"/>, or null when its image is pulled (or it cannot be built).</summary>
    public ComposeBuild? Plan(IResource resource, ComposeServiceKind kind)
    {
        if (resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault() is { } dockerfile)
        {
            var context = Path.GetFullPath(dockerfile.ContextPath, appHostDirectory);
            _contexts.Add(context);
            return new(RelativeToOutput(context), Relative(context, Path.GetFullPath(dockerfile.DockerfilePath, context)), dockerfile.Stage,
                IsGenerated: false, dockerfile.BuildArguments, dockerfile.BuildSecrets);
        }

        switch (kind)
        {
            case ComposeServiceKind.Project when resource is ProjectResource project:
                return Generate(project);
            case ComposeServiceKind.Executable:
                problems.Add(resource.Name, "An executable runs a local program, which Compose cannot run.",
                    $"Put a Dockerfile in its working directory and call PublishAsDockerFile() on '{resource.Name}', or model it as a container with AddDockerfile().");
                return null;
            default:
                return null;
        }
    }

    private ComposeBuild Generate(ProjectResource project)
    {
        var build = DockerfileGenerator.Create(project, appHostDirectory);
        var dockerfileName = $"{ComposeNames.Service(project)}.Dockerfile";

        // BuildKit reads '<Dockerfile>.dockerignore' beside the Dockerfile, so the shared context needs no ignore file of its own.
        files.Add(dockerfileName, build.Dockerfile);
        files.Add($"{dockerfileName}.dockerignore", build.DockerIgnore);
        _contexts.Add(Path.GetFullPath(build.ContextDirectory));
        return new(RelativeToOutput(build.ContextDirectory), Relative(build.ContextDirectory, Path.Combine(finalOutputPath, dockerfileName)), null,
            IsGenerated: true, new Dictionary<string, object?>(), new Dictionary<string, object>());
    }

    /// <summary><paramref name="path"/> relative to the Compose file's directory, as Compose resolves relative paths.</summary>
    public string RelativeToOutput(string path) => Relative(finalOutputPath, Path.GetFullPath(path, appHostDirectory));

    private static string Relative(string from, string path)
    {
        var relative = Path.GetRelativePath(from, path).Replace('\\', '/');
        return relative == "." || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative)
            ? relative
            : "./" + relative;
    }
}
