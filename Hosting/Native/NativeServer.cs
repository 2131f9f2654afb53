using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Deploy.Hosting.Supervision;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native;

/// <summary>One server resource run natively: started through Aspire's own events and notifications (so
/// <c>WaitFor</c>, health checks, <c>AddDatabase</c> and the dashboard work unchanged), kept up by its restart policy,
/// and stopped on request.</summary>
internal sealed class NativeServer(IResource resource, INativeLauncher launcher, NativeServerEnvironment environment, RestartPolicy policy) : IDisposable
{
    private readonly RestartTracker _restarts = new(policy, isOneShotJob: false);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NativeProcess? _process;
    private bool _stopRequested;
    private bool _firstStart = true;

    public IResource Resource => resource;

    private ILogger Log => environment.Loggers.GetLogger(resource);

    /// <summary>Starts the server; failures are reported in its state and console log, never thrown.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _stopRequested = false;
            if (_process is { Exited.IsCompleted: false })
                return;
            await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong is shown on the resource: a start must never hang in Starting.
            Log.LogError("{Message}", e is NativeLaunchException ? e.Message : e.ToString());
            if (_process is { Exited.IsCompleted: false } started)
            {
                _stopRequested = true;
                started.Kill();
            }

            await PublishAsync(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error, e.Message).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server with its clean-stop signal, then SIGKILL after <paramref name="grace"/>; no restart follows.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _stopRequested = true;
            if (_process is null || _process.Exited.IsCompleted)
                return;
            await PublishAsync(KnownResourceStates.Stopping, KnownResourceStateStyles.Info).ConfigureAwait(false);
            await _process.StopAsync(grace).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await PublishAsync(KnownResourceStates.Starting, KnownResourceStateStyles.Info).ConfigureAwait(false);
        if (_firstStart)
        {
            await environment.Eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(resource, environment.Services), cancellationToken).ConfigureAwait(false);
            await environment.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, environment.Services), cancellationToken).ConfigureAwait(false);
        }

        var launch = environment.CreateLaunch(resource, launcher, Log);
        if (!PortProbe.IsFree(launch.Port))
        {
            var holder = PortProbe.FindHolder(launch.Port);
            throw new NativeLaunchException(
                $"Resource '{resource.Name}': port {launch.Port} is already in use{(holder is null ? "" : $" by {holder}")}. " +
                "Fix: stop that process, or give the resource another port (or none, for a free one).");
        }

        var process = await launcher.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        environment.Watchdog.Watch(process.Id);
        _process = process;
        await WaitUntilListeningAsync(process, launch.Port, cancellationToken).ConfigureAwait(false);
        await launcher.VerifyAsync(launch, cancellationToken).ConfigureAwait(false);
        _ = SuperviseAsync(process);

        if (_firstStart)
        {
            _firstStart = false;
            await environment.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, environment.Services), cancellationToken).ConfigureAwait(false);
            foreach (var child in environment.ChildrenOf(resource))
                await environment.Eventing.PublishAsync(new ConnectionStringAvailableEvent(child, environment.Services), cancellationToken).ConfigureAwait(false);
        }

        await PublishAsync(KnownResourceStates.Running, KnownResourceStateStyles.Success, pid: process.Id).ConfigureAwait(false);
        foreach (var child in environment.ChildrenOf(resource))
            await environment.Notifications.PublishUpdateAsync(child, s => s with { State = KnownResourceStates.Running }).ConfigureAwait(false);
    }

    private async Task WaitUntilListeningAsync(NativeProcess process, int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await PortProbe.AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
        {
            if (process.Exited.IsCompleted)
            {
                throw new NativeLaunchException(
                    $"Resource '{resource.Name}' exited with code {await process.Exited.ConfigureAwait(false)} while starting; its output is in the console log.");
            }

            if (DateTime.UtcNow > deadline)
            {
                process.Kill();
                throw new NativeLaunchException($"Resource '{resource.Name}' did not accept connections on port {port} within 60 s; its output is in the console log.");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SuperviseAsync(NativeProcess process)
    {
        var exitCode = await process.Exited.ConfigureAwait(false);
        if (_stopRequested || environment.IsStopping)
        {
            await PublishAsync(KnownResourceStates.Finished, KnownResourceStateStyles.Info, exitCode: exitCode).ConfigureAwait(false);
            return;
        }

        var decision = _restarts.OnExit(exitCode, DateTimeOffset.UtcNow);
        Log.LogWarning("Exited unexpectedly with code {ExitCode}.", exitCode);
        if (!decision.Restart)
        {
            await PublishAsync(KnownResourceStates.Exited, KnownResourceStateStyles.Error, decision.Reason, exitCode).ConfigureAwait(false);
            return;
        }

        await PublishAsync("Restarting", KnownResourceStateStyles.Warn,
            $"exit code {exitCode}; restart {decision.Attempt} in {decision.Delay.TotalSeconds:0.#} s", exitCode).ConfigureAwait(false);
        await Task.Delay(decision.Delay).ConfigureAwait(false);
        if (!_stopRequested && !environment.IsStopping)
            await StartAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();

    private Task PublishAsync(string state, string style, string? message = null, int? exitCode = null, int? pid = null) =>
        environment.Notifications.PublishUpdateAsync(resource, s =>
        {
            var properties = RestartProperties.With(s.Properties.RemoveAll(p => p.Name == "process.pid"), _restarts.Restarts, message);
            if (pid is not null)
                properties = properties.Add(new ResourcePropertySnapshot("process.pid", pid.Value.ToString(CultureInfo.InvariantCulture)));
            return s with
            {
                State = new ResourceStateSnapshot(state, style),
                ExitCode = exitCode,
                StartTimeStamp = state == KnownResourceStates.Running ? DateTime.UtcNow : s.StartTimeStamp,
                StopTimeStamp = state == KnownResourceStates.Running ? null : s.StopTimeStamp ?? DateTime.UtcNow,
                Properties = properties,
                Urls = state == KnownResourceStates.Running ? NativeServerEnvironment.UrlsOf(resource) : s.Urls,
            };
        });
}
