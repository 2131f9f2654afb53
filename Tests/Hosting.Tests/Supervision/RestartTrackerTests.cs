using Deploy.Hosting.Supervision;

namespace Deploy.Hosting.Tests.Supervision;

public sealed class RestartTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnExit_RepeatedCrashes_BackOffDoublesUpToTheCap()
    {
        var tracker = new RestartTracker(RestartPolicy.Default with { MaxRestarts = 10, MaxDelay = TimeSpan.FromSeconds(5) }, isOneShotJob: false);

        var delays = Enumerable.Range(0, 5).Select(i => tracker.OnExit(137, Start.AddSeconds(i)).Delay.TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 5, 5], delays);
        Assert.Equal(5, tracker.Restarts);
    }

    [Fact]
    public void OnExit_TooManyCrashesInWindow_GivesUpWithReason()
    {
        var tracker = new RestartTracker(RestartPolicy.Default with { MaxRestarts = 2 }, isOneShotJob: false);
        tracker.OnExit(1, Start);
        tracker.OnExit(1, Start.AddSeconds(1));

        var decision = tracker.OnExit(1, Start.AddSeconds(2));

        Assert.False(decision.Restart);
        Assert.Contains("gave up restarting", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnExit_CrashesOutsideWindow_KeepRestarting()
    {
        var tracker = new RestartTracker(RestartPolicy.Default with { MaxRestarts = 1, Window = TimeSpan.FromSeconds(10) }, isOneShotJob: false);
        Assert.True(tracker.OnExit(1, Start).Restart);

        var later = tracker.OnExit(1, Start.AddSeconds(30));

        Assert.True(later.Restart);
        Assert.Equal(TimeSpan.FromSeconds(1), later.Delay);
    }

    [Fact]
    public void OnExit_OneShotJobExitsZero_NotRestarted()
    {
        var tracker = new RestartTracker(RestartPolicy.Default, isOneShotJob: true);

        Assert.False(tracker.OnExit(0, Start).Restart);
        Assert.True(tracker.OnExit(1, Start).Restart);
    }

    [Theory]
    [InlineData(RestartMode.Never, 1, false)]
    [InlineData(RestartMode.OnFailure, 0, false)]
    [InlineData(RestartMode.OnFailure, 137, true)]
    [InlineData(RestartMode.Always, 0, true)]
    public void OnExit_Mode_DecidesRestart(RestartMode mode, int exitCode, bool restart)
    {
        var tracker = new RestartTracker(RestartPolicy.Default with { Mode = mode }, isOneShotJob: false);

        Assert.Equal(restart, tracker.OnExit(exitCode, Start).Restart);
    }

    [Fact]
    public void Validate_BadPolicy_ListsEveryProblem()
    {
        var errors = new RestartPolicy(RestartMode.Always, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(-2), 0, TimeSpan.Zero).Validate("api");

        Assert.Equal(4, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("Resource 'api': restart policy", e, StringComparison.Ordinal));
    }
}
