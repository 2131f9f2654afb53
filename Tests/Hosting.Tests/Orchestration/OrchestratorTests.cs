using System.Diagnostics;
using Aspire.Hosting;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Orchestration;

/// <summary>Run mode with real processes (sh), no infrastructure needed.</summary>
public sealed class OrchestratorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _state = Directory.CreateTempSubdirectory("deploy-test-state-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Run_CrashingProcess_IsRestartedWithBackoffAndCounted()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("crasher", "sh", "/", "-c", "echo started; exit 3");
        await using var orchestrator = Start(builder);

        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get("crasher")?.Restarts >= 2, Cts().Token);

        var snapshot = orchestrator.States.Get("crasher")!;
        Assert.Equal(3, snapshot.ExitCode);
        Assert.Contains(orchestrator.Logs.Lines("crasher"), l => l.Text.Contains("Exited with code 3; restarting", StringComparison.Ordinal));
        Assert.Contains(orchestrator.Logs.Lines("crasher"), l => l.Text == "started" && !l.IsStdErr);
    }

    [Fact]
    public async Task Run_WaitForCompletion_StartsDependentAfterJobSucceeds()
    {
        var builder = TestModels.Run();
        var job = builder.AddExecutable("migrate", "sh", "/", "-c", "sleep 0.2; echo migrated");
        builder.AddExecutable("app", "sh", "/", "-c", "echo app-up; sleep 60").WaitForCompletion(job);
        await using var orchestrator = Start(builder);

        await orchestrator.WaitForAllReadyAsync(Cts().Token);

        Assert.Equal(KnownResourceStates.Finished, orchestrator.States.Get("migrate")!.State);
        Assert.Equal(KnownResourceStates.Running, orchestrator.States.Get("app")!.State);
        var migrated = orchestrator.Logs.Lines("migrate").Single(l => l.Text == "migrated");
        await orchestrator.States.WaitUntilAsync(() => orchestrator.Logs.Lines("app").Any(l => l.Text == "app-up"), Cts().Token);
        Assert.True(orchestrator.Logs.Lines("app").Single(l => l.Text == "app-up").Number > migrated.Number);
    }

    [Fact]
    public async Task Run_WaitForCompletionOnFailedJob_DependentFailsToStartWithReason()
    {
        var builder = TestModels.Run();
        var job = builder.AddExecutable("migrate", "sh", "/", "-c", "exit 4");
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60").WaitForCompletion(job);
        await using var orchestrator = Start(builder);

        await orchestrator.WaitForAllReadyAsync(Cts().Token);
        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get("app")!.State != KnownResourceStates.Waiting, Cts().Token);

        var app = orchestrator.States.Get("app")!;
        Assert.Equal(KnownResourceStates.FailedToStart, app.State);
        Assert.Equal("Dependency 'migrate' exited with code 4, expected 0.", app.Reason);
        Assert.Equal(KnownResourceStates.Exited, orchestrator.States.Get("migrate")!.State);
    }

    [Fact]
    public async Task Stop_ProcessWithChildren_KillsTheWholeTree()
    {
        var marker = $"deploy-tree-{Guid.NewGuid():N}";
        var builder = TestModels.Run();
        // The grandchild ignores SIGTERM, so only the group kill after the grace period can end it.
        builder.AddExecutable("tree", "sh", "/", "-c", $"sh -c 'trap \"\" TERM; sleep 300; echo {marker}' & wait");
        var orchestrator = Start(builder);
        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get("tree")?.State == KnownResourceStates.Running, Cts().Token);
        await WaitForAsync(() => ProcessesNamed(marker) > 0);

        await orchestrator.DisposeAsync();

        Assert.Equal(0, ProcessesNamed(marker));
        Assert.Equal(KnownResourceStates.Finished, orchestrator.States.Get("tree")!.State);
    }

    [Fact]
    public async Task Run_ContainerWithoutEngineOrRecipe_FailsWithInstallHint()
    {
        Environment.SetEnvironmentVariable("DEPLOY_CONTAINER_RUNTIME", "native");
        try
        {
            var builder = TestModels.Run();
            builder.AddContainer("nginx", "nginx");
            await using var orchestrator = Start(builder);

            await orchestrator.WaitForAllReadyAsync(Cts().Token);

            var snapshot = orchestrator.States.Get("nginx")!;
            Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State);
            Assert.Contains("needs a container engine, and none answered. Install Docker or Podman", snapshot.Reason, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DEPLOY_CONTAINER_RUNTIME", null);
        }
    }

    [Fact]
    public async Task Run_SecretEnvironment_IsMaskedInTheSnapshot()
    {
        var builder = TestModels.Run();
        var key = builder.AddParameter("api-key", "hunter2-secret", secret: true);
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60").WithEnvironment("API_KEY", key);
        await using var orchestrator = Start(builder);

        await orchestrator.WaitForAllReadyAsync(Cts().Token);

        var environment = orchestrator.States.Get("app")!.Environment;
        Assert.Contains(environment, p => p.Key == "API_KEY" && p.Value == SecretValues.Mask);
        Assert.DoesNotContain(environment, p => p.Value.Contains("hunter2", StringComparison.Ordinal));
    }

    private Orchestrator Start(DistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        var orchestrator = new Orchestrator(app.Model, app.ExecutionContext, _state);
        orchestrator.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return orchestrator;
    }

    private static CancellationTokenSource Cts() => new(Timeout);

    private static int ProcessesNamed(string marker) =>
        Process.GetProcesses().Count(p => { try { return File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(marker, StringComparison.Ordinal); } catch (IOException) { return false; } catch (UnauthorizedAccessException) { return false; } });

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(condition(), "Condition not met in time.");
    }
}
