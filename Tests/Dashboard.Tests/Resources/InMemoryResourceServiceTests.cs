using Deploy.Dashboard.Resources;

namespace Deploy.Dashboard.Tests.Resources;

public sealed class InMemoryResourceServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ResourceView Resource(string name, string state = "Running") =>
        new(name, "Project", state, "Healthy", 0, [new ResourceUrl("http", "http://localhost:5000")],
            [new EnvironmentVariableView("PLAIN", "visible", false), new EnvironmentVariableView("ApiKey", "s3cr3t", true)], Now, null);

    [Fact]
    public async Task WatchConsoleLogsAsync_BacklogThenLive_DeliversBothInOrder()
    {
        var service = new InMemoryResourceService();
        service.AppendConsoleLog(new ConsoleLogLine("api", Now, "before", false));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = service.WatchConsoleLogsAsync("api", cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(["before"], watch.Current.Select(l => l.Text));
        service.AppendConsoleLog(new ConsoleLogLine("other", Now, "not mine", false));
        service.AppendConsoleLog(new ConsoleLogLine("api", Now, "after", true));
        Assert.True(await watch.MoveNextAsync());
        var line = Assert.Single(watch.Current);
        Assert.Equal(("after", true), (line.Text, line.IsStdErr));
    }

    [Fact]
    public async Task WatchConsoleLogsAsync_AllResources_MergesBacklogs()
    {
        var service = new InMemoryResourceService();
        service.AppendConsoleLog(new ConsoleLogLine("a", Now.AddSeconds(2), "second", false));
        service.AppendConsoleLog(new ConsoleLogLine("b", Now.AddSeconds(1), "first", false));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await foreach (var batch in service.WatchConsoleLogsAsync(null, cts.Token))
        {
            Assert.Equal(["first", "second"], batch.Select(l => l.Text));
            break;
        }
    }

    [Fact]
    public async Task AppendConsoleLog_PastBacklogLimit_KeepsNewestLines()
    {
        var service = new InMemoryResourceService(maxConsoleLinesPerResource: 3);
        for (var i = 0; i < 10; i++)
        {
            service.AppendConsoleLog(new ConsoleLogLine("api", Now, $"line {i}", false));
        }

        await foreach (var batch in service.WatchConsoleLogsAsync("api", TestContext.Current.CancellationToken))
        {
            Assert.Equal(["line 7", "line 8", "line 9"], batch.Select(l => l.Text));
            break;
        }
    }

    [Fact]
    public async Task WatchResourcesAsync_UpsertAndRemove_AreStreamed()
    {
        var service = new InMemoryResourceService();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = service.WatchResourcesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync();

        service.Upsert(Resource("api"));
        service.Remove("api");

        Assert.True(await next);
        Assert.Equal((ResourceChangeKind.Upsert, "api"), (watch.Current.Kind, watch.Current.Resource.Name));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ResourceChangeKind.Delete, watch.Current.Kind);
        Assert.Empty(service.GetResources());
    }

    [Fact]
    public async Task ExecuteCommandAsync_StopThenRestart_UpdatesStateAndRestarts()
    {
        var service = new InMemoryResourceService();
        service.Upsert(Resource("api"));

        var stop = await service.ExecuteCommandAsync("api", "stop", TestContext.Current.CancellationToken);
        Assert.True(stop.Succeeded);
        Assert.Equal("Exited", service.GetResources().Single().State);
        await service.ExecuteCommandAsync("api", "restart", TestContext.Current.CancellationToken);

        Assert.Equal(("Running", 1), (service.GetResources().Single().State, service.GetResources().Single().Restarts));
    }

    [Fact]
    public async Task ExecuteCommandAsync_UnknownResource_Fails()
    {
        var result = await new InMemoryResourceService().ExecuteCommandAsync("nope", "start", TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("nope", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteCommandAsync_WithHandler_DelegatesToIt()
    {
        var calls = new List<string>();
        var service = new InMemoryResourceService(commandHandler: (name, command, _) =>
        {
            calls.Add($"{command}:{name}");
            return Task.FromResult(ResourceCommandResult.Success);
        });

        await service.ExecuteCommandAsync("db", "restart", TestContext.Current.CancellationToken);

        Assert.Equal(["restart:db"], calls);
    }
}
