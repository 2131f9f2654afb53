namespace Aspire.Hosting.ApplicationModel;

/// <summary>A container image run by a container engine (or, for resources with a native recipe, as a local process).</summary>
public class ContainerResource(string name, string? entrypoint = null)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>Overrides the image's entrypoint when set.</summary>
    public string? Entrypoint { get; set; } = entrypoint;
}
