using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Supervision;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Reporting;

/// <summary>Writes one console line per resource state change, and one when every resource has settled, with the time
/// it took: Aspire itself shows states only in the dashboard.</summary>
internal sealed class ResourceStateReporter(ResourceNotificationService notifications, DistributedApplicationModel model,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger("Deploy");
    private readonly Dictionary<string, string> _lastLine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);
    private bool _reportedReady;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
                OnChange(change);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private void OnChange(ResourceEvent change)
    {
        if (change.Resource is ParameterResource || change.Snapshot.IsHidden)
            return;
        _latest[change.ResourceId] = change;
        var line = Describe(change.Snapshot);
        if (_lastLine.TryGetValue(change.ResourceId, out var previous) && previous == line)
            return;
        _lastLine[change.ResourceId] = line;
        var name = change.Resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault() is { Replicas: > 1 } ? change.ResourceId : change.Resource.Name;
        _logger.LogInformation("{Resource}: {State}", name, line);
        ReportReadyOnce();
    }

    private void ReportReadyOnce()
    {
        if (_reportedReady)
            return;
        if (!ReadinessRules.AllSettled(model, _latest.Values))
            return;
        _reportedReady = true;
        var failed = _latest.Values.Where(ReadinessRules.IsFailed).Select(e => e.ResourceId).Order(StringComparer.Ordinal).ToList();
        var elapsed = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        if (failed.Count == 0)
            _logger.LogInformation("All {Count} resources are ready, {Seconds} s after the AppHost started.", _latest.Count, elapsed);
        else
            _logger.LogWarning("{Count} resources settled {Seconds} s after the AppHost started; not running: {Failed}.", _latest.Count, elapsed, string.Join(", ", failed));
    }

    private static string Describe(CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text is { Length: > 0 } text ? text : "NotStarted";
        var parts = new List<string> { state };
        if (snapshot.HealthStatus is { } health && state == KnownResourceStates.Running)
            parts[0] = $"{state} ({health})";
        if (state == KnownResourceStates.Running && snapshot.Urls.FirstOrDefault(u => !u.IsInternal) is { } url)
            parts.Add(url.Url);
        if (snapshot.ExitCode is { } exit && state != KnownResourceStates.Running)
            parts.Add($"exit={exit}");
        if (snapshot.Properties.FirstOrDefault(p => p.Name == RestartProperties.Restarts)?.Value is string restarts && restarts != "0")
            parts.Add($"restarts={restarts}");
        if (snapshot.Properties.FirstOrDefault(p => p.Name == RestartProperties.Reason)?.Value is string { Length: > 0 } reason &&
            state != KnownResourceStates.Running)
            parts.Add(reason);
        return string.Join(' ', parts);
    }
}
