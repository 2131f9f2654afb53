namespace Deploy.Hosting.Orchestration;

/// <summary>The run loop's lifetime, and the user's commands: stop, start and restart one resource while the rest of the
/// application keeps running.</summary>
internal sealed partial class ResourceSupervisor : IDisposable
{
    // One command at a time per resource: a start racing a stop would leave two run loops or none.
    private readonly SemaphoreSlim _commands = new(1, 1);
    private CancellationToken _shutdown;
    private CancellationTokenSource? _run;

    /// <summary>Completes when the current run (waiting, running, restarting after crashes) has ended.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the run loop: wait for dependencies, then run every replica. <paramref name="shutdown"/> ends it for good.</summary>
    public void Launch(CancellationToken shutdown)
    {
        _shutdown = shutdown;
        _run = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        var token = _run.Token;
        Completion = Task.Run(() => RunAsync(token), CancellationToken.None);
    }

    /// <summary>Stops every replica; they show Finished and are not restarted until started again.</summary>
    public Task StopByUserAsync() => UnderCommandGateAsync(EndRunAsync);

    /// <summary>Runs the resource again (waiting for its dependencies again); nothing happens when it is still running.</summary>
    public Task StartByUserAsync() => UnderCommandGateAsync(() =>
    {
        if (Completion.IsCompleted)
            Relaunch();
        return Task.CompletedTask;
    });

    /// <summary>Stop, then start.</summary>
    public Task RestartByUserAsync() => UnderCommandGateAsync(async () =>
    {
        await EndRunAsync();
        Relaunch();
    });

    private async Task UnderCommandGateAsync(Func<Task> command)
    {
        await _commands.WaitAsync();
        try
        {
            await command();
        }
        finally
        {
            _commands.Release();
        }
    }

    private async Task EndRunAsync()
    {
        // Cancelling the run wakes what waits (dependencies, health, a crash back-off); StopAsync ends the processes.
        if (_run is { } run)
            await run.CancelAsync();
        await StopAsync();
        await Completion.ContinueWith(_ => { }, TaskScheduler.Default);
        IsReady = false;
        foreach (var index in Enumerable.Range(0, Replicas))
        {
            Set(index, s => KnownResourceStates.IsTerminal(s.State) ? s
                : s with { State = KnownResourceStates.Finished, ProcessId = null, Health = null });
        }
    }

    private void Relaunch()
    {
        _run?.Dispose();
        _stopping = false;
        FailureReason = null;
        CompletedExitCode = null;
        var state = Resource.Annotations.OfType<Aspire.Hosting.ApplicationModel.WaitAnnotation>().Any()
            ? KnownResourceStates.Waiting : KnownResourceStates.NotStarted;
        foreach (var index in Enumerable.Range(0, Replicas))
            Set(index, s => s with { State = state, Reason = null, ExitCode = null, ProcessId = null, Health = null });
        Launch(_shutdown);
    }

    /// <summary>Frees the command gate and the run's cancellation source; the orchestrator calls it once everything stopped.</summary>
    public void Dispose()
    {
        _commands.Dispose();
        _run?.Dispose();
    }
}
