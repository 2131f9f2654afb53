using System.Diagnostics;
using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Tests.Orchestration;

public class ChildReaperTests
{
    [Fact]
    public async Task Dispose_WatchedProcessGroup_IsKilled()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("setsid", ["sleep", "300"]) { UseShellExecute = false })!;
        var reaper = new ChildReaper();
        reaper.Watch(sleeper.Id);

        reaper.Dispose();

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await sleeper.WaitForExitAsync(cts.Token);
        Assert.Equal(137, sleeper.ExitCode);
    }
}
