using Aspire.Hosting;

namespace Deploy.Hosting.Orchestration;

/// <summary>What every supervisor shares during one run.</summary>
internal sealed record RunContext(
    DistributedApplicationExecutionContext Execution,
    ResourceStateStore States,
    ResourceLogStore Logs,
    LaunchPlanner Planner,
    ChildReaper Reaper,
    Func<Aspire.Hosting.ApplicationModel.IResource, bool> IsReady,
    TimeSpan StopGrace,
    IReadOnlyDictionary<string, string> ExtraEnvironment,
    OtlpEnvironment? Otlp = null);
