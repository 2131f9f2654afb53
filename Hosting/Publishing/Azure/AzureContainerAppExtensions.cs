using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Azure;

namespace Aspire.Hosting;

/// <summary><c>AddAzureContainerAppEnvironment</c>, with Aspire's name and signature, so AppHosts written for
/// Aspire's Azure Container Apps integration compile against Deploy.</summary>
public static class AzureContainerAppExtensions
{
    /// <summary>Publishes every compute resource of the model to an Azure Container Apps environment: the pipeline step
    /// <c>publish-&lt;name&gt;</c> (part of <c>publish</c>) writes <c>azure.yaml</c> and <c>infra/</c> for <c>azd up</c>
    /// into <c>&lt;output-path&gt;/&lt;name&gt;/</c>. Run mode ignores it.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The target's name, also its output folder.</param>
    public static IResourceBuilder<AzureContainerAppEnvironmentResource> AddAzureContainerAppEnvironment(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddPublishTarget(new AzureContainerAppEnvironmentResource(name));
    }
}
