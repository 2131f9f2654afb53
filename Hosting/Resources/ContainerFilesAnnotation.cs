namespace Aspire.Hosting.ApplicationModel;

/// <summary>Files placed in a container directory when published (e.g. init scripts in <c>/docker-entrypoint-initdb.d</c>).</summary>
/// <param name="DestinationPath">The directory inside the container.</param>
/// <param name="Files">File name → content; a callback because the content may depend on resources added later.</param>
public sealed record ContainerFilesAnnotation(string DestinationPath, Func<IReadOnlyDictionary<string, string>> Files) : IResourceAnnotation;
