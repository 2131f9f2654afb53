using System.Collections.Immutable;

namespace Deploy.Hosting.Orchestration;

/// <summary>The state of one running unit (a resource, or one replica of it) at a moment.</summary>
/// <param name="Name">The instance's name: the resource's, or <c>name-N</c> for replica N.</param>
/// <param name="ResourceName">The resource it belongs to.</param>
/// <param name="Type">Project, Executable, Container, Database…</param>
/// <param name="State">One of <see cref="KnownResourceStates"/>.</param>
public sealed record ResourceSnapshot(string Name, string ResourceName, string Type, string State)
{
    /// <summary>Healthy, Unhealthy, or null when not running or without checks yet.</summary>
    public string? Health { get; init; }

    /// <summary>How many times the supervisor restarted it after a crash.</summary>
    public int Restarts { get; init; }

    /// <summary>The URLs clients use.</summary>
    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>The last exit code, once it exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The process id while running.</summary>
    public int? ProcessId { get; init; }

    /// <summary>When the current process started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Why it is in this state (the error of a failed start, say).</summary>
    public string? Reason { get; init; }

    /// <summary>Its environment, secret values masked.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Environment { get; init; } = [];
}

/// <summary>State names, as Aspire shows them.</summary>
public static class KnownResourceStates
{
    /// <summary>Not started yet.</summary>
    public const string NotStarted = "NotStarted";
    /// <summary>Waiting for dependencies.</summary>
    public const string Waiting = "Waiting";
    /// <summary>Being started.</summary>
    public const string Starting = "Starting";
    /// <summary>Running.</summary>
    public const string Running = "Running";
    /// <summary>Crashed; restarting after a back-off.</summary>
    public const string Restarting = "Restarting";
    /// <summary>Being stopped.</summary>
    public const string Stopping = "Stopping";
    /// <summary>Ran to completion (or was stopped).</summary>
    public const string Finished = "Finished";
    /// <summary>Exited with a failure and will not be restarted.</summary>
    public const string Exited = "Exited";
    /// <summary>Could not be started.</summary>
    public const string FailedToStart = "FailedToStart";

    /// <summary>States after which nothing happens unless asked.</summary>
    public static bool IsTerminal(string state) => state is Finished or Exited or FailedToStart;
}
