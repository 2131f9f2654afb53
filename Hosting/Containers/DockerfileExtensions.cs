using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>AddDockerfile</c>, <c>WithDockerfile</c> and <c>PublishAsDockerFile</c>: resources whose image is built from a Dockerfile.</summary>
public static class DockerfileExtensions
{
    /// <summary>Adds a container whose image is built from a Dockerfile.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="contextPath">The build context, relative to the AppHost directory.</param>
    /// <param name="dockerfilePath">The Dockerfile, relative to <paramref name="contextPath"/> (<c>Dockerfile</c> by default).</param>
    /// <param name="stage">The multi-stage build target, or null for the last stage.</param>
    public static IResourceBuilder<ContainerResource> AddDockerfile(this IDistributedApplicationBuilder builder, string name, string contextPath,
        string dockerfilePath = "Dockerfile", string? stage = null) =>
        // The image name only matters to a local container engine; publishers write the build instead.
        builder.AddContainer(name, name.ToLowerInvariant()).WithDockerfile(contextPath, dockerfilePath, stage);

    /// <summary>Builds the container's image from a Dockerfile instead of pulling it.</summary>
    /// <param name="builder">The container.</param>
    /// <param name="contextPath">The build context, relative to the AppHost directory.</param>
    /// <param name="dockerfilePath">The Dockerfile, relative to <paramref name="contextPath"/> (<c>Dockerfile</c> by default).</param>
    /// <param name="stage">The multi-stage build target, or null for the last stage.</param>
    public static IResourceBuilder<T> WithDockerfile<T>(this IResourceBuilder<T> builder, string contextPath, string dockerfilePath = "Dockerfile",
        string? stage = null) where T : ContainerResource
    {
        var context = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, contextPath));
        var dockerfile = Path.GetFullPath(Path.Combine(context, dockerfilePath));
        return builder.WithAnnotation(new DockerfileBuildAnnotation(context, dockerfile, stage), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Publishes the project as a container built from <c>Dockerfile</c> in its directory (instead of <c>project.v0</c>).</summary>
    /// <param name="builder">The project.</param>
    public static IResourceBuilder<ProjectResource> PublishAsDockerFile(this IResourceBuilder<ProjectResource> builder)
    {
        var directory = Path.GetDirectoryName(builder.Resource.Metadata.ProjectPath) ?? builder.ApplicationBuilder.AppHostDirectory;
        return builder.WithAnnotation(new DockerfileBuildAnnotation(directory, Path.Combine(directory, "Dockerfile")),
            ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Publishes the executable as a container built from <c>Dockerfile</c> in its working directory. Without this, an
    /// executable cannot be published: deployment tools have no way to run a local program.</summary>
    /// <param name="builder">The executable.</param>
    public static IResourceBuilder<T> PublishAsDockerFile<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        var directory = builder.Resource.WorkingDirectory;
        return builder.WithAnnotation(new DockerfileBuildAnnotation(directory, Path.Combine(directory, "Dockerfile")),
            ResourceAnnotationMutationBehavior.Replace);
    }
}
