using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Supervision;

/// <summary>When a process that exits on its own is started again.</summary>
public enum RestartMode
{
    /// <summary>Never restarted.</summary>
    Never,
    /// <summary>Restarted when it exits with a non-zero code or is killed.</summary>
    OnFailure,
    /// <summary>Restarted whenever it exits, except a one-shot job (something waits for its completion) that exits 0.</summary>
    Always,
}

/// <summary>How Deploy restarts a resource's processes in run mode: exponential back-off from
/// <see cref="InitialDelay"/> doubling up to <see cref="MaxDelay"/>; after <see cref="MaxRestarts"/> restarts within
/// <see cref="Window"/> it gives up and says so in the resource's state.</summary>
public sealed record RestartPolicy(
    RestartMode Mode,
    TimeSpan InitialDelay,
    TimeSpan MaxDelay,
    int MaxRestarts,
    TimeSpan Window) : IResourceAnnotation
{
    /// <summary>On by default: restart on any unexpected exit, 1 s doubling to 30 s, give up after 5 restarts within 2 minutes.</summary>
    public static RestartPolicy Default { get; } = new(RestartMode.Always, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 5, TimeSpan.FromMinutes(2));

    /// <summary>Never restart.</summary>
    public static RestartPolicy Disabled { get; } = Default with { Mode = RestartMode.Never };

    /// <summary>Every problem with this policy, each naming the field and the fix; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(string resourceName)
    {
        var errors = new List<string>();
        if (InitialDelay < TimeSpan.Zero)
            errors.Add($"Resource '{resourceName}': restart policy InitialDelay is negative ({InitialDelay}). Fix: use zero or more.");
        if (MaxDelay < InitialDelay)
            errors.Add($"Resource '{resourceName}': restart policy MaxDelay ({MaxDelay}) is below InitialDelay ({InitialDelay}). Fix: make MaxDelay at least InitialDelay.");
        if (MaxRestarts < 1)
            errors.Add($"Resource '{resourceName}': restart policy MaxRestarts is {MaxRestarts}. Fix: use 1 or more, or RestartMode.Never to turn restarts off.");
        if (Window <= TimeSpan.Zero)
            errors.Add($"Resource '{resourceName}': restart policy Window must be positive, got {Window}. Fix: use a positive TimeSpan.");
        return errors;
    }
}
