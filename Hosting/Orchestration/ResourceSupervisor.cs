using System.Collections.Immutable;
using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>Runs one process resource: waits for its dependencies, starts each replica, restarts crashes with
/// exponential back-off, tracks health and readiness, and stops it on request.</summary>
internal sealed partial class ResourceSupervisor(IResource resource, RunContext context)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly Dictionary<int, SupervisedProcess> _running = [];
    private readonly Lock _gate = new();
    private volatile bool _stopping;

    public IResource Resource { get; } = resource;

    public int Replicas { get; } = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    public bool IsJob { get; } = resource.Annotations.OfType<JobAnnotation>().Any();

    /// <summary>Running, healthy and its ready work done.</summary>
    public bool IsReady { get; private set; }

    /// <summary>Set once a job (or any process that will not be restarted) has exited.</summary>
    public int? CompletedExitCode { get; private set; }

    /// <summary>Set when the resource could not be started at all.</summary>
    public string? FailureReason { get; private set; }

    public string InstanceName(int index) => Replicas == 1 ? Resource.Name : $"{Resource.Name}-{index}";

    public IEnumerable<string> InstanceNames => Enumerable.Range(0, Replicas).Select(InstanceName);

    public void PublishInitial()
    {
        var state = Resource.Annotations.OfType<WaitAnnotation>().Any() ? KnownResourceStates.Waiting : KnownResourceStates.NotStarted;
        foreach (var name in InstanceNames)
            context.States.Publish(new ResourceSnapshot(name, Resource.Name, TypeName(Resource), state) { Urls = Urls() });
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await WaitForDependenciesAsync(stopping);
        }
        catch (DependencyFailedException e)
        {
            Fail(e.Message);
            return;
        }

        var health = MonitorHealthAsync(stopping);
        await Task.WhenAll(Enumerable.Range(0, Replicas).Select(i => RunInstanceAsync(i, stopping)));
        await health;
    }

    public async Task StopAsync()
    {
        _stopping = true;
        List<(int Index, SupervisedProcess Process)> running;
        lock (_gate)
            running = _running.Select(p => (p.Key, p.Value)).ToList();
        foreach (var (index, _) in running)
            Set(index, s => s with { State = KnownResourceStates.Stopping });
        await Task.WhenAll(running.Select(r => r.Process.StopAsync(context.StopGrace)));
    }

    private async Task RunInstanceAsync(int index, CancellationToken stopping)
    {
        var name = InstanceName(index);
        var backoff = TimeSpan.FromMilliseconds(250);
        // Carried over when the user starts it again, so the count covers the whole run of the AppHost.
        var restarts = context.States.Get(name)?.Restarts ?? 0;
        while (!_stopping && !stopping.IsCancellationRequested)
        {
            Set(index, s => s with { State = KnownResourceStates.Starting, Reason = null });
            SupervisedProcess process;
            try
            {
                var (launch, environment) = await PrepareLaunchAsync(index, stopping);
                process = SupervisedProcess.Start(launch, (line, isError) => context.Logs.Append(name, line, isError));
                context.Reaper.Watch(process.Id);
                Set(index, s => s with
                {
                    State = KnownResourceStates.Running, ProcessId = process.Id, StartedAt = DateTimeOffset.UtcNow, ExitCode = null,
                    Environment = environment,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Logs.Append(name, $"[deploy] Failed to start: {e.Message}", isStdErr: true);
                Fail(e.Message);
                return;
            }

            var started = Stopwatch.StartNew();
            int exitCode;
            lock (_gate)
                _running[index] = process;
            using (process)
            {
                exitCode = await process.WaitForExitAsync(CancellationToken.None);
                lock (_gate)
                    _running.Remove(index);
            }

            IsReady = false;
            if (_stopping || stopping.IsCancellationRequested)
            {
                Set(index, s => s with { State = KnownResourceStates.Finished, ExitCode = exitCode, ProcessId = null, Health = null });
                return;
            }

            if (IsJob || exitCode == 0)
            {
                CompletedExitCode = exitCode;
                var state = exitCode == 0 ? KnownResourceStates.Finished : KnownResourceStates.Exited;
                Set(index, s => s with { State = state, ExitCode = exitCode, ProcessId = null, Health = null });
                return;
            }

            restarts++;
            if (started.Elapsed > MaxBackoff)
                backoff = TimeSpan.FromMilliseconds(250);
            context.Logs.Append(name, $"[deploy] Exited with code {exitCode}; restarting in {backoff.TotalSeconds:0.##} s (restart {restarts}).", isStdErr: true);
            var count = restarts;
            Set(index, s => s with { State = KnownResourceStates.Restarting, ExitCode = exitCode, ProcessId = null, Health = null, Restarts = count, Reason = null });
            try
            {
                await Task.Delay(backoff, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<(ProcessLaunch Launch, ImmutableArray<KeyValuePair<string, string>> Shown)> PrepareLaunchAsync(int index, CancellationToken cancellationToken)
    {
        using var scope = Replicas > 1 ? ReplicaScope.Enter(index) : null;
        var modelVariables = await EnvironmentResolver.ResolveEnvironmentAsync(Resource, context.Execution, cancellationToken);
        var args = await EnvironmentResolver.ResolveArgsAsync(Resource, context.Execution, cancellationToken);
        // Telemetry variables first, so a value the model sets itself (an OTEL_* override) wins.
        var variables = new Dictionary<string, ResolvedVariable>();
        if (context.Otlp is { } otlp && OtlpEnvironment.AppliesTo(Resource))
        {
            foreach (var variable in otlp.For(Resource.Name, InstanceName(index)))
                variables[variable.Name] = variable;
        }

        foreach (var variable in modelVariables)
            variables[variable.Name] = variable;
        var environment = new Dictionary<string, string>(context.ExtraEnvironment);
        foreach (var variable in variables.Values)
            environment[variable.Name] = variable.Value;
        if (Resource is ProjectResource)
            environment.TryAdd("OTEL_SERVICE_NAME", Resource.Name);
        GpuAssigner.AssignTo(Resource, index, environment, line => context.Logs.Append(InstanceName(index), line));
        var shown = variables.Values.Select(v => KeyValuePair.Create(v.Name, v.IsSecret ? SecretValues.Mask : v.Value)).ToImmutableArray();
        var launch = await context.Planner.PlanAsync(Resource, InstanceName(index), environment, args, cancellationToken);
        return (launch, shown);
    }

    private void Fail(string reason)
    {
        FailureReason = reason;
        foreach (var index in Enumerable.Range(0, Replicas))
            Set(index, s => s with { State = KnownResourceStates.FailedToStart, Reason = reason, ProcessId = null });
    }

    private void Set(int index, Func<ResourceSnapshot, ResourceSnapshot> update) => context.States.Update(InstanceName(index), update);

    private ImmutableArray<string> Urls() => [.. Resource.Annotations.OfType<EndpointAnnotation>()
        .Where(e => e.AllocatedEndpoint is not null).Select(e => e.AllocatedEndpoint!.Url)];

    internal static string TypeName(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        ContainerResource => "Container",
        IResourceWithParent => "Database",
        ParameterResource => "Parameter",
        _ => resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
    };
}
