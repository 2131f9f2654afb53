using Aspire.Hosting;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Orchestration;

/// <summary>The dashboard's resource actions (stop, start, restart) on real processes (sh).</summary>
public sealed class OrchestratorCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _state = Directory.CreateTempSubdirectory("deploy-test-state-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task ExecuteCommandAsync_Stop_ShowsFinishedAndIsNotRestarted()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "echo up; sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var pid = (await RunningAsync(orchestrator, "app")).ProcessId!.Value;
        await LinesAsync(orchestrator, "app", "up", 1);

        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Stop);

        Assert.Equal(KnownResourceStates.Finished, orchestrator.States.Get("app")!.State);
        Assert.False(IsAlive(pid), "The stopped process is still alive.");
        await Task.Delay(1000);
        var snapshot = orchestrator.States.Get("app")!;
        Assert.Equal(KnownResourceStates.Finished, snapshot.State);
        Assert.Null(snapshot.ProcessId);
        Assert.Single(orchestrator.Logs.Lines("app"), l => l.Text == "up");
    }

    [Fact]
    public async Task ExecuteCommandAsync_StartAfterStop_RunsANewProcess()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "echo up; sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var first = (await RunningAsync(orchestrator, "app")).ProcessId;
        await LinesAsync(orchestrator, "app", "up", 1);
        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Stop);

        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Start);

        var second = await RunningAsync(orchestrator, "app");
        Assert.NotEqual(first, second.ProcessId);
        await LinesAsync(orchestrator, "app", "up", 2);
        Assert.Equal(0, second.Restarts);
    }

    [Fact]
    public async Task ExecuteCommandAsync_StartWhileRunning_LeavesTheProcessAlone()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var pid = (await RunningAsync(orchestrator, "app")).ProcessId;

        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Start);

        Assert.Equal(pid, orchestrator.States.Get("app")!.ProcessId);
        Assert.Equal(KnownResourceStates.Running, orchestrator.States.Get("app")!.State);
    }

    [Fact]
    public async Task ExecuteCommandAsync_Restart_ReplacesTheProcess()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var pid = (await RunningAsync(orchestrator, "app")).ProcessId!.Value;

        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Restart);

        var restarted = await RunningAsync(orchestrator, "app");
        Assert.NotEqual(pid, restarted.ProcessId);
        Assert.False(IsAlive(pid), "The old process survived the restart.");
    }

    [Fact]
    public async Task ExecuteCommandAsync_RestartWhileDependencyStopped_WaitsForTheDependencyAgain()
    {
        var builder = TestModels.Run();
        var db = builder.AddExecutable("db", "sh", "/", "-c", "sleep 60");
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60").WaitFor(db);
        await using var orchestrator = await StartAsync(builder);
        await orchestrator.WaitForAllReadyAsync(Cts().Token);
        await orchestrator.ExecuteCommandAsync("db", ResourceCommands.Stop);

        await orchestrator.ExecuteCommandAsync("app", ResourceCommands.Restart);
        await Task.Delay(300);

        Assert.Equal(KnownResourceStates.Waiting, orchestrator.States.Get("app")!.State);
        await orchestrator.ExecuteCommandAsync("db", ResourceCommands.Start);
        await RunningAsync(orchestrator, "app");
    }

    [Fact]
    public async Task ExecuteCommandAsync_StopDuringCrashBackoff_ShowsFinished()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("crasher", "sh", "/", "-c", "exit 3");
        await using var orchestrator = await StartAsync(builder);
        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get("crasher")?.Restarts >= 1, Cts().Token);

        await orchestrator.ExecuteCommandAsync("crasher", ResourceCommands.Stop);

        var restarts = orchestrator.States.Get("crasher")!.Restarts;
        await Task.Delay(1000);
        Assert.Equal(KnownResourceStates.Finished, orchestrator.States.Get("crasher")!.State);
        Assert.Equal(restarts, orchestrator.States.Get("crasher")!.Restarts);
    }

    [Theory]
    [InlineData("nope", ResourceCommands.Stop, "resourceName")]
    [InlineData("app", "pause", "command")]
    public async Task ExecuteCommandAsync_UnknownResourceOrCommand_ThrowsArgumentException(string resource, string command, string parameter)
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60");
        await using var orchestrator = await StartAsync(builder);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => orchestrator.ExecuteCommandAsync(resource, command));

        Assert.Equal(parameter, error.ParamName);
    }

    private async Task<Orchestrator> StartAsync(DistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        var orchestrator = new Orchestrator(app.Model, app.ExecutionContext, _state);
        await orchestrator.StartAsync(CancellationToken.None);
        return orchestrator;
    }

    private static async Task<ResourceSnapshot> RunningAsync(Orchestrator orchestrator, string name)
    {
        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get(name) is { State: KnownResourceStates.Running, ProcessId: not null }, Cts().Token);
        return orchestrator.States.Get(name)!;
    }

    private static CancellationTokenSource Cts() => new(Timeout);

    // Console lines do not change any state, so they are polled for.
    private static async Task LinesAsync(Orchestrator orchestrator, string name, string text, int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (orchestrator.Logs.Lines(name).Count(l => l.Text == text) < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(count, orchestrator.Logs.Lines(name).Count(l => l.Text == text));
    }

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
