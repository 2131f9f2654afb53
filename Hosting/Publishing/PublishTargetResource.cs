using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing;

/// <summary>A deployment target declared in the AppHost (<c>AddKubernetesEnvironment</c>, <c>AddDockerComposeEnvironment</c>,
/// <c>AddAzureContainerAppEnvironment</c>): its pipeline step writes the target's artifacts into a folder of its own.</summary>
/// <remarks>Deliberately not an <see cref="IComputeEnvironmentResource"/>: with several of those Aspire makes every
/// resource pick one, while Deploy publishes every resource to every declared target.</remarks>
public abstract class PublishTargetResource(string name) : Resource(name)
{
    /// <summary>The target's name in messages, such as <c>Kubernetes</c>.</summary>
    public abstract string TargetDisplayName { get; }

    /// <summary>Writes the artifacts into <see cref="PublishContext.OutputPath"/>, a fresh staging directory that is moved
    /// into place only when this returns without throwing.</summary>
    internal abstract Task PublishAsync(PublishContext context);
}
