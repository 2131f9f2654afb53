using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>Run mode, as an ordered list of small steps.</summary>
public sealed class Orchestrator : IAsyncDisposable
{
    private readonly DistributedApplicationModel _model;
    private readonly DistributedApplicationExecutionContext _execution;
    private readonly StateDirectory _state;
    private readonly PortAllocator _ports = new();
    private readonly List<TcpProxy> _proxies = [];
    private readonly Dictionary<IResource, ResourceSupervisor> _supervisors = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private ChildReaper? _reaper;

    internal Orchestrator(DistributedApplicationModel model, DistributedApplicationExecutionContext execution, string? stateDirectory = null)
    {
        _model = model;
        _execution = execution;
        _state = new StateDirectory(model.AppName, model.AppHostDirectory, stateDirectory);
    }

    /// <summary>Every instance's state, live.</summary>
    public ResourceStateStore States { get; } = new();

    /// <summary>Every instance's console output.</summary>
    public ResourceLogStore Logs { get; } = new();

    /// <summary>Where the AppHost keeps generated secrets and persistent data.</summary>
    public string StateDirectory => _state.Path;

    /// <summary>Starts every resource in dependency order; returns once they are all launched (not yet healthy).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>Starts every resource, pointing projects and executables at a dashboard's OTLP receiver when
    /// <paramref name="otlp"/> is given.</summary>
    internal async Task StartAsync(OtlpEnvironment? otlp, CancellationToken cancellationToken)
    {
        ParameterResolver.Resolve(_model.AllResources, _state);
        var engine = _model.Resources.OfType<ContainerResource>().Any() ? await ContainerEngine.DetectAsync(cancellationToken) : null;
        AllocateEndpoints(engine is not null);
        _reaper = new ChildReaper();
        var planner = new LaunchPlanner(_state, engine, _model.AppName, Logs);
        var context = new RunContext(_execution, States, Logs, planner, _reaper, IsReady, TimeSpan.FromSeconds(5), new Dictionary<string, string>(), otlp);
        foreach (var resource in _model.Resources.Where(IsProcess))
            _supervisors[resource] = new ResourceSupervisor(resource, context);
        foreach (var supervisor in _supervisors.Values)
        {
            supervisor.Connect(_supervisors);
            supervisor.PublishInitial();
        }

        PublishChildren();
        foreach (var supervisor in _supervisors.Values)
            supervisor.Launch(_stopping.Token);
        _running.Add(TrackChildrenAsync(_stopping.Token));
    }

    /// <summary>Completes when every long-running resource is ready and every job has finished; throws if one failed.</summary>
    public Task WaitForAllReadyAsync(CancellationToken cancellationToken) =>
        States.WaitUntilAsync(() => _supervisors.Values.All(s => IsSettled(s.Resource)), cancellationToken);

    // Settled: ready, finished (jobs), failed, or waiting on something that failed (it cannot progress on its own).
    private bool IsSettled(IResource resource)
    {
        if (!_supervisors.TryGetValue(resource, out var supervisor))
            return resource is not IResourceWithParent child || IsSettled(child.Parent);
        if (supervisor.FailureReason is not null || (supervisor.IsJob ? supervisor.CompletedExitCode is not null : supervisor.IsReady))
            return true;
        return WaitGraph.Dependencies(resource).Any(HasFailed);
    }

    private bool HasFailed(IResource resource) => _supervisors.TryGetValue(resource, out var supervisor)
        ? supervisor.FailureReason is not null || (supervisor.IsJob && supervisor.CompletedExitCode is not null and not 0) || WaitGraph.Dependencies(resource).Any(HasFailed)
        : resource is IResourceWithParent child && HasFailed(child.Parent);

    /// <summary>Whether any resource failed to start.</summary>
    public IEnumerable<string> Failures => _supervisors.Values.Where(s => s.FailureReason is not null).Select(s => $"{s.Resource.Name}: {s.FailureReason}");

    /// <summary>Stops dependents first, then what they depend on; removes temporary data.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        var order = WaitGraph.TopologicalOrder(_model.Resources);
        order.Reverse();
        foreach (var resource in order)
        {
            if (_supervisors.TryGetValue(resource, out var supervisor))
                await supervisor.StopAsync();
        }

        await Task.WhenAll(_running.Concat(_supervisors.Values.Select(s => s.Completion)).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var proxy in _proxies)
            await proxy.DisposeAsync();
        _proxies.Clear();
        _state.RemoveTemporaryData();
    }

    /// <summary>Runs a user command (<see cref="ResourceCommands"/>) on a resource, or on the resource of a replica instance.
    /// A stopped resource shows Finished and is not restarted; start runs it again once its dependencies are ready.</summary>
    /// <exception cref="ArgumentException">Unknown command, or no resource with a process by that name.</exception>
    /// <exception cref="InvalidOperationException">The application is shutting down.</exception>
    public Task ExecuteCommandAsync(string resourceName, string command)
    {
        if (_stopping.IsCancellationRequested)
            throw new InvalidOperationException("The application is shutting down.");
        var supervisor = _supervisors.Values.FirstOrDefault(s => string.Equals(s.Resource.Name, resourceName, StringComparison.OrdinalIgnoreCase)
                || s.InstanceNames.Contains(resourceName, StringComparer.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{resourceName}' is not a resource with a process (databases and parameters have none).", nameof(resourceName));
        return command switch
        {
            ResourceCommands.Stop => supervisor.StopByUserAsync(),
            ResourceCommands.Start => supervisor.StartByUserAsync(),
            ResourceCommands.Restart => supervisor.RestartByUserAsync(),
            _ => throw new ArgumentException($"Unknown command '{command}'; use start, stop or restart.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
            await StopAsync();
        foreach (var supervisor in _supervisors.Values)
            supervisor.Dispose();
        _reaper?.Dispose();
        _stopping.Dispose();
    }

    private bool IsReady(IResource resource) => resource switch
    {
        _ when _supervisors.TryGetValue(resource, out var supervisor) => supervisor.IsReady,
        IResourceWithParent child => IsReady(child.Parent),
        _ => true,
    };

    private void AllocateEndpoints(bool containerEngine)
    {
        foreach (var endpoint in _model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            if (endpoint.Port is { } fixedPort)
                _ports.Reserve(fixedPort);
        }

        foreach (var resource in _model.Resources.Where(IsProcess))
        {
            var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                var port = endpoint.Port ?? _ports.Allocate();
                if (resource is ContainerResource)
                {
                    endpoint.AllocatedEndpoint = new("localhost", port, containerEngine ? endpoint.TargetPort ?? port : port, endpoint.UriScheme);
                }
                else if (replicas > 1 || (endpoint.TargetPort is { } t && t != port))
                {
                    var targets = Enumerable.Range(0, replicas).Select(_ => endpoint.TargetPort is { } fixedTarget && replicas == 1 ? fixedTarget : _ports.Allocate()).ToList();
                    endpoint.AllocatedEndpoint = new("localhost", port, targets[0], endpoint.UriScheme) { ReplicaTargetPorts = targets };
                    _proxies.Add(new TcpProxy(port, targets));
                }
                else
                {
                    endpoint.AllocatedEndpoint = new("localhost", port, port, endpoint.UriScheme);
                }
            }
        }
    }

    private void PublishChildren()
    {
        foreach (var child in _model.Resources.OfType<IResourceWithParent>())
            States.Publish(new ResourceSnapshot(child.Name, child.Name, ResourceSupervisor.TypeName(child), KnownResourceStates.Waiting));
    }

    // Children (databases) have no process: they are running once their parent is ready (its ready work created them).
    private async Task TrackChildrenAsync(CancellationToken cancellationToken)
    {
        var children = _model.Resources.OfType<IResourceWithParent>().ToList();
        try
        {
            while (children.Count > 0)
            {
                await States.WaitUntilAsync(() => children.Any(c => IsReady(c) != (States.Get(c.Name)?.State == KnownResourceStates.Running)), cancellationToken);
                foreach (var child in children)
                {
                    var ready = IsReady(child);
                    States.Update(child.Name, s => s with
                    {
                        State = ready ? KnownResourceStates.Running : KnownResourceStates.Waiting, Health = ready ? "Healthy" : null,
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsProcess(IResource resource) => resource is ProjectResource or ExecutableResource or ContainerResource;

    internal static TimeSpan SinceProcessStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;
}
