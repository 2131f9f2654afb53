namespace Deploy.Hosting.Publishing.Azure;

/// <summary>An Azure Container Apps environment as a publish target: its step writes <c>azure.yaml</c> and <c>infra/</c>
/// (Bicep in the layout <c>azd up</c> provisions and deploys) into <c>&lt;output-path&gt;/&lt;name&gt;/</c>.</summary>
/// <remarks>Deploy's stand-in for Aspire's resource of the same name (whose package is not served here), created by the
/// same entry point, <c>AddAzureContainerAppEnvironment</c>.</remarks>
public sealed class AzureContainerAppEnvironmentResource(string name) : PublishTargetResource(name)
{
    /// <inheritdoc />
    public override string TargetDisplayName => "Azure Container Apps";

    internal override Task PublishAsync(PublishContext context) => AzurePublisher.PublishAsync(this, context);
}
