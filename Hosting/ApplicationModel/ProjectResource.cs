namespace Aspire.Hosting.ApplicationModel;

/// <summary>A .NET project, run from its build output.</summary>
public sealed class ProjectResource(string name)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    /// <summary>The project's metadata (path, built assembly).</summary>
    public IProjectMetadata Metadata => Annotations.OfType<IProjectMetadata>().Single();
}
