using Aspire.Hosting;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Native;
using Deploy.Hosting.Projects;
using Deploy.Hosting.Reporting;
using Deploy.Hosting.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Deploy.Hosting;

/// <summary>The run-mode features <c>AddDeploy</c> turns on, each registered by its own folder.</summary>
internal static class DeployFeatures
{
    public static void Register(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
            return;
        NativeRuntime.Register(builder);
        FastStart.Register(builder);
        LocalGpus.Register(builder);
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ProcessSupervisor>());
        // First in the list so it starts before Aspire's orchestrator, which returns only once every resource is created.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ResourceStateReporter>());
    }
}
