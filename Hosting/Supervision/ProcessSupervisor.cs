using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Supervision;

/// <summary>Restarts the processes DCP runs (projects and executables) when they exit on their own, by their
/// <see cref="RestartPolicy"/>; Aspire alone leaves them down. The restart count shows in the dashboard.</summary>
/// <remarks>DCP reports <c>Finished</c> for a process that ended by itself (a crash, <c>kill -9</c>) and
/// <c>Terminated</c> for one it stopped (the dashboard's Stop, shutdown), so a user's stop is never undone.
/// Natively run servers are supervised by their <c>NativeServer</c>.</remarks>
internal sealed class ProcessSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    DistributedApplicationModel model,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    private const string FinishedByItself = "Finished";

    private readonly ILogger _logger = loggers.CreateLogger("Deploy");
    private readonly ConcurrentDictionary<string, RestartTracker> _trackers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _lastState = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var oneShotJobs = OneShotJobs(model);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (change.Resource is not (ProjectResource or ExecutableResource) || change.Snapshot.IsHidden)
                    continue;
                var state = change.Snapshot.State?.Text;
                var previous = _lastState.GetValueOrDefault(change.ResourceId);
                _lastState[change.ResourceId] = state;
                if (state != FinishedByItself || previous == FinishedByItself || lifetime.ApplicationStopping.IsCancellationRequested)
                    continue;

                var tracker = _trackers.GetOrAdd(change.ResourceId, _ => new RestartTracker(
                    change.Resource.Annotations.OfType<RestartPolicy>().LastOrDefault() ?? RestartPolicy.Default,
                    oneShotJobs.Contains(change.Resource)));
                var decision = tracker.OnExit(change.Snapshot.ExitCode, DateTimeOffset.UtcNow);
                if (decision.Restart || decision.Reason is not null)
                    _ = HandleAsync(change, decision, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private async Task HandleAsync(ResourceEvent change, RestartDecision decision, CancellationToken stoppingToken)
    {
        var exit = change.Snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var reason = decision.Restart
            ? $"exited with code {exit}; restart {decision.Attempt} in {decision.Delay.TotalSeconds:0.#} s"
            : decision.Reason;
        await notifications.PublishUpdateAsync(change.Resource, change.ResourceId, s => s with
        {
            Properties = RestartProperties.With(s.Properties, decision.Attempt, reason),
        }).ConfigureAwait(false);
        _logger.LogWarning("{Resource} {Reason}.", change.ResourceId, reason);
        if (!decision.Restart)
            return;

        try
        {
            await Task.Delay(decision.Delay, stoppingToken).ConfigureAwait(false);
            var result = await commands.ExecuteCommandAsync(change.ResourceId, KnownResourceCommands.StartCommand, stoppingToken).ConfigureAwait(false);
            if (!result.Success)
                _logger.LogWarning("Could not restart {Resource}: {Message}", change.ResourceId, result.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing to restart.
        }
    }

    /// <summary>Resources something waits for the completion of: an exit with code 0 is their success, not a crash.</summary>
    private static HashSet<IResource> OneShotJobs(DistributedApplicationModel model) =>
    [
        .. model.Resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource),
    ];
}
