using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native;

/// <summary>Containers with no native launcher (pgAdmin, Redis Insight, any <c>AddContainer</c>) when there is no engine:
/// each fails at once with a message naming it and what it needs, so nothing waits for an engine that is not there.</summary>
internal static class EngineRequiredResources
{
    public static string Message(IResource resource, string image) =>
        $"Resource '{resource.Name}' is a container ({image}) and needs a container engine, but none answered, and Deploy has no " +
        "native launcher for it. Fix: install and start Docker or Podman (then set Deploy:Runtime to auto or container), " +
        "or remove the resource for local runs. Everything else starts without it.";

    public static async Task FailAsync(IResource resource, string message, ResourceNotificationService notifications, ResourceLoggerService loggers)
    {
        loggers.GetLogger(resource).LogError("{Message}", message);
        await notifications.PublishUpdateAsync(resource, s => s with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error),
            Properties = s.Properties.Add(new ResourcePropertySnapshot(Supervision.RestartProperties.Reason, message)),
        }).ConfigureAwait(false);
    }
}
