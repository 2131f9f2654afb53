namespace Deploy.Hosting.Supervision;

/// <summary>The restart history of one process instance and the decision its policy gives for the next exit.</summary>
/// <remarks>Pure logic with the clock passed in, so every decision is unit-tested.</remarks>
public sealed class RestartTracker(RestartPolicy policy, bool isOneShotJob)
{
    private readonly Queue<DateTimeOffset> _recent = new();

    /// <summary>Restarts so far, this run.</summary>
    public int Restarts { get; private set; }

    /// <summary>Decides what to do about an exit with <paramref name="exitCode"/> at <paramref name="now"/>.</summary>
    public RestartDecision OnExit(int? exitCode, DateTimeOffset now)
    {
        var failed = exitCode is not 0;
        if (policy.Mode == RestartMode.Never)
            return new(false, TimeSpan.Zero, Restarts, "restarts are off for this resource");
        if (!failed && (policy.Mode == RestartMode.OnFailure || isOneShotJob))
            return new(false, TimeSpan.Zero, Restarts, null);

        while (_recent.Count > 0 && now - _recent.Peek() > policy.Window)
            _recent.Dequeue();
        if (_recent.Count >= policy.MaxRestarts)
        {
            return new(false, TimeSpan.Zero, Restarts,
                $"crashed {_recent.Count + 1} times within {policy.Window.TotalSeconds:0} s; gave up restarting (last exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"})");
        }

        var delay = TimeSpan.FromTicks(Math.Min(policy.MaxDelay.Ticks, policy.InitialDelay.Ticks * (1L << Math.Min(_recent.Count, 30))));
        _recent.Enqueue(now);
        Restarts++;
        return new(true, delay, Restarts, null);
    }
}
