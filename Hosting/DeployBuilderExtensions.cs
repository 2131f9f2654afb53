using Deploy.Hosting;

namespace Aspire.Hosting;

/// <summary><c>builder.AddDeploy()</c>: the one line an Aspire AppHost adds to run without a container engine, keep its
/// processes up, assign GPUs and start projects fast.</summary>
public static class DeployBuilderExtensions
{
    /// <summary>Turns on every Deploy run-mode feature. Publish mode is unaffected: targets are declared with
    /// <c>AddKubernetesEnvironment</c>, <c>AddDockerComposeEnvironment</c> and <c>AddAzureContainerAppEnvironment</c>.</summary>
    public static IDistributedApplicationBuilder AddDeploy(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DeployFeatures.Register(builder);
        return builder;
    }
}
