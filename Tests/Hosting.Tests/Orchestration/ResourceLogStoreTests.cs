using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Tests.Orchestration;

public class ResourceLogStoreTests
{
    [Fact]
    public void Append_PastTheBound_DropsOldestLines()
    {
        var store = new ResourceLogStore(maxLinesPerResource: 3);
        foreach (var i in Enumerable.Range(1, 5))
            store.Append("api", $"line {i}");

        Assert.Equal(["line 3", "line 4", "line 5"], store.Lines("api").Select(l => l.Text));
    }

    [Fact]
    public async Task WatchAsync_ReplaysBacklogThenStreamsNewLinesOfThatResource()
    {
        var store = new ResourceLogStore();
        store.Append("api", "old");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var line in store.WatchAsync("api", cts.Token))
            {
                seen.Add(line.Text);
                if (seen.Count == 2)
                    return;
            }
        });
        await Task.Delay(100);
        store.Append("db", "other resource");
        store.Append("api", "new", isStdErr: true);

        await watching;

        Assert.Equal(["old", "new"], seen);
        Assert.True(store.Lines("api")[1].IsStdErr);
    }
}
