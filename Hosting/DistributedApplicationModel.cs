using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The built model: what run mode starts and publishers write.</summary>
/// <param name="Resources">The resources in the order they were added.</param>
/// <param name="ImplicitResources">Resources others created for themselves (generated passwords), written after the model.</param>
/// <param name="AppName">The AppHost's name.</param>
/// <param name="AppHostDirectory">The AppHost project's directory.</param>
public sealed record DistributedApplicationModel(
    IReadOnlyList<IResource> Resources, IReadOnlyList<IResource> ImplicitResources, string AppName, string AppHostDirectory)
{
    /// <summary>Model resources, then implicit ones.</summary>
    public IEnumerable<IResource> AllResources => Resources.Concat(ImplicitResources);
}
