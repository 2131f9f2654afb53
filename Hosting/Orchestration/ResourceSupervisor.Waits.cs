using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deploy.Hosting.Orchestration;

/// <summary>Waiting for dependencies, and health monitoring.</summary>
internal sealed partial class ResourceSupervisor
{
    private IReadOnlyDictionary<IResource, ResourceSupervisor> _peers = new Dictionary<IResource, ResourceSupervisor>();

    public void Connect(IReadOnlyDictionary<IResource, ResourceSupervisor> peers) => _peers = peers;

    private async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        foreach (var wait in Resource.Annotations.OfType<WaitAnnotation>())
        {
            var dependency = wait.Resource;
            if (wait.WaitType == WaitType.WaitForCompletion)
            {
                var peer = _peers[dependency];
                context.Logs.Append(InstanceName(0), $"[deploy] Waiting for '{dependency.Name}' to complete.");
                await context.States.WaitUntilAsync(() => peer.CompletedExitCode is not null || peer.FailureReason is not null, cancellationToken);
                if (peer.FailureReason is not null)
                    throw new DependencyFailedException($"Dependency '{dependency.Name}' failed to start.");
                if (peer.CompletedExitCode != wait.ExitCode)
                    throw new DependencyFailedException($"Dependency '{dependency.Name}' exited with code {peer.CompletedExitCode}, expected {wait.ExitCode}.");
                continue;
            }

            context.Logs.Append(InstanceName(0), $"[deploy] Waiting for '{dependency.Name}' to be healthy.");
            await context.States.WaitUntilAsync(() => context.IsReady(dependency), cancellationToken);
        }
    }

    private async Task MonitorHealthAsync(CancellationToken stopping)
    {
        var checks = Resource.Annotations.OfType<HealthCheckAnnotation>().ToList();
        var failures = 0;
        var readyDone = false;
        while (!stopping.IsCancellationRequested && !_stopping)
        {
            try
            {
                await context.States.WaitUntilAsync(() => AllRunning() || Ended(), stopping);
                if (Ended())
                    return;
                var (healthy, detail) = await CheckAsync(checks, stopping);
                if (healthy && !readyDone)
                {
                    foreach (var ready in Resource.Annotations.OfType<ResourceReadyAnnotation>())
                        await ready.OnReady(stopping);
                    readyDone = true;
                }

                IsReady = healthy && AllRunning();
                var health = checks.Count == 0 ? null : healthy ? "Healthy" : "Unhealthy";
                foreach (var index in Enumerable.Range(0, Replicas))
                    Set(index, s => s.State == KnownResourceStates.Running ? s with { Health = health, Reason = healthy ? null : detail } : s);

                failures = healthy ? 0 : failures + 1;
                // Local probes are cheap, and every millisecond a ready resource goes unnoticed holds up its dependents.
                var delay = healthy ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(Math.Min(200, 25 << Math.Min(failures, 4)));
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var changed = context.States.WaitUntilAsync(() => !AllRunning(), wake.Token);
                await Task.WhenAny(Task.Delay(delay, wake.Token), changed);
                await wake.CancelAsync();
                if (!AllRunning())
                    readyDone = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<(bool Healthy, string? Detail)> CheckAsync(List<HealthCheckAnnotation> checks, CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            try
            {
                var result = await check.Check(cancellationToken);
                if (result.Status != HealthStatus.Healthy)
                    return (false, result.Description);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (false, e.Message);
            }
        }

        return (true, null);
    }

    private bool AllRunning() => InstanceNames.All(n => context.States.Get(n)?.State == KnownResourceStates.Running);

    private bool Ended() => _stopping || FailureReason is not null || CompletedExitCode is not null;

    private sealed class DependencyFailedException(string message) : Exception(message);
}
