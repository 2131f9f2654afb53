using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Reporting;

/// <summary>When a resource instance has settled: running and healthy, a one-shot job that finished, or failed.</summary>
internal static class ReadinessRules
{
    public static bool IsSettled(ResourceEvent e) => IsReady(e.Snapshot) || IsFailed(e);

    public static bool IsReady(CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text;
        if (state == KnownResourceStates.Running || state == KnownResourceStates.Active)
            return snapshot.HealthReports.IsEmpty || snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;
        return (state == KnownResourceStates.Finished || state == KnownResourceStates.Exited) && snapshot.ExitCode is 0;
    }

    public static bool IsFailed(ResourceEvent e)
    {
        var state = e.Snapshot.State?.Text;
        return state == KnownResourceStates.FailedToStart || state == KnownResourceStates.RuntimeUnhealthy ||
            ((state == KnownResourceStates.Finished || state == KnownResourceStates.Exited) && e.Snapshot.ExitCode is not 0);
    }

    /// <summary>Whether every instance of every visible resource of <paramref name="model"/> has settled.</summary>
    public static bool AllSettled(DistributedApplicationModel model, IEnumerable<ResourceEvent> latest)
    {
        var byResource = latest.GroupBy(e => e.Resource).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var resource in model.Resources.Where(r => r is not ParameterResource))
        {
            if (IsHidden(resource))
                continue;
            if (!byResource.TryGetValue(resource, out var instances))
                return false;

            var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
            if (instances.Count < replicas || !instances.All(IsSettled))
                return false;
        }

        return true;
    }

    // The dashboard is hidden; resources that start only when asked (Aspire's project rebuilders, WithExplicitStart) are
    // not waited for.
    private static bool IsHidden(IResource resource) =>
        resource.Name == "aspire-dashboard" ||
        resource.Annotations.OfType<ExplicitStartupAnnotation>().Any() ||
        resource.Annotations.OfType<ResourceSnapshotAnnotation>().Any(a => a.InitialSnapshot.IsHidden);
}
