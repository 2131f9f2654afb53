using Aspire.Hosting;

namespace Deploy.Hosting;

/// <summary>The run-mode features <c>AddDeploy</c> turns on, each registered by its own folder.</summary>
internal static class DeployFeatures
{
    public static void Register(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
            return;
    }
}
