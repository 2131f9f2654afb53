namespace Aspire.Hosting.ApplicationModel;

/// <summary>The resource is built from a Dockerfile when published (<c>container.v1</c> with <c>build</c> in the manifest).</summary>
/// <remarks>On a container (<c>AddDockerfile</c>, <c>WithDockerfile</c>) it replaces the image; on a project or an executable
/// (<c>PublishAsDockerFile</c>) it says how deployment tools get an image for a resource that runs as a process locally.</remarks>
/// <param name="ContextPath">The absolute path of the build context.</param>
/// <param name="DockerfilePath">The absolute path of the Dockerfile.</param>
/// <param name="Stage">The multi-stage build target, or null for the last stage.</param>
public sealed record DockerfileBuildAnnotation(string ContextPath, string DockerfilePath, string? Stage = null) : IResourceAnnotation;
