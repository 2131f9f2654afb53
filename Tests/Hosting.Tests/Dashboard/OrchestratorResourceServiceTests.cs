using Aspire.Hosting;
using Deploy.Dashboard.Resources;
using Deploy.Hosting.Dashboard;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Dashboard;

/// <summary>The dashboard's view of a real run (sh processes): resources, console lines, commands, telemetry variables.</summary>
public sealed class OrchestratorResourceServiceTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly OtlpEnvironment Otlp = new("http://127.0.0.1:4317", "grpc", "key-123456", Development: true);
    private readonly string _state = Directory.CreateTempSubdirectory("deploy-test-state-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task WatchConsoleLogsAsync_BacklogThenLive_EveryLineOnceInOrder()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "echo one; echo two; sleep 1; echo three; echo four; sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var service = new OrchestratorResourceService(orchestrator);
        await LineAsync(orchestrator, l => l.Text == "two");
        using var cts = Cts();

        var seen = new List<string>();
        var batches = 0;
        await foreach (var batch in service.WatchConsoleLogsAsync("app", cts.Token))
        {
            if (batches++ == 0)
                Assert.Equal(["one", "two"], batch.Select(l => l.Text).Where(t => !t.StartsWith("[deploy]", StringComparison.Ordinal)).Take(2));
            seen.AddRange(batch.Select(l => l.Text).Where(t => !t.StartsWith("[deploy]", StringComparison.Ordinal)));
            if (seen.Contains("four"))
                break;
        }

        Assert.Equal(["one", "two", "three", "four"], seen);
    }

    [Fact]
    public async Task WatchResourcesAsync_StateChange_ArrivesAsUpsert()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var service = new OrchestratorResourceService(orchestrator);
        await orchestrator.States.WaitUntilAsync(() => orchestrator.States.Get("app")?.State == KnownResourceStates.Running, Cts().Token);
        using var cts = Cts();
        var changes = service.WatchResourcesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync().AsTask();

        var stop = service.ExecuteCommandAsync("app", "stop", CancellationToken.None);

        ResourceView last;
        do
        {
            Assert.True(await next);
            last = changes.Current.Resource;
            next = changes.MoveNextAsync().AsTask();
        }
        while (last.State != KnownResourceStates.Finished);
        Assert.True((await stop).Succeeded);
        // An async iterator cannot be disposed while a MoveNextAsync is pending: end it first.
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        await changes.DisposeAsync();
        Assert.Equal("app", last.Name);
        Assert.Equal("Executable", last.Type);
    }

    [Fact]
    public async Task ExecuteCommandAsync_UnknownResource_FailsWithMessage()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "sleep 60");
        await using var orchestrator = await StartAsync(builder);
        var service = new OrchestratorResourceService(orchestrator);

        var result = await service.ExecuteCommandAsync("nope", "restart", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("'nope' is not a resource with a process", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResources_OtlpEnvironment_ReachesTheProcessAndHeadersAreSecret()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c",
            "echo \"$OTEL_SERVICE_NAME|$OTEL_RESOURCE_ATTRIBUTES|$OTEL_EXPORTER_OTLP_PROTOCOL|$OTEL_EXPORTER_OTLP_HEADERS|$OTEL_BSP_SCHEDULE_DELAY\"; sleep 60");
        await using var orchestrator = await StartAsync(builder, Otlp);
        var service = new OrchestratorResourceService(orchestrator);
        await LineAsync(orchestrator, l => l.Text.StartsWith("app|", StringComparison.Ordinal));

        var environment = service.GetResources().Single(r => r.Name == "app").Environment;

        Assert.Contains(orchestrator.Logs.Lines("app"), l => l.Text == "app|service.instance.id=app|grpc|x-otlp-api-key=key-123456|1000");
        Assert.Contains(environment, e => e is { Name: "OTEL_EXPORTER_OTLP_ENDPOINT", Value: "http://127.0.0.1:4317", IsSecret: false });
        Assert.Contains(environment, e => e is { Name: OtlpEnvironment.HeadersVariable, Value: null, IsSecret: true });
        Assert.DoesNotContain(environment, e => e.Value?.Contains("key-123456", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GetResources_ModelOverridesOtlpVariable_ModelValueWinsOnce()
    {
        var builder = TestModels.Run();
        builder.AddExecutable("app", "sh", "/", "-c", "echo \"$OTEL_SERVICE_NAME\"; sleep 60").WithEnvironment("OTEL_SERVICE_NAME", "custom");
        await using var orchestrator = await StartAsync(builder, Otlp with { Development = false });
        var service = new OrchestratorResourceService(orchestrator);
        await LineAsync(orchestrator, l => l.Text == "custom");

        var environment = service.GetResources().Single(r => r.Name == "app").Environment;

        Assert.Single(environment, e => e.Name == "OTEL_SERVICE_NAME");
        Assert.Contains(environment, e => e is { Name: "OTEL_SERVICE_NAME", Value: "custom" });
        Assert.DoesNotContain(environment, e => e.Name == "OTEL_BSP_SCHEDULE_DELAY");
    }

    private async Task<Orchestrator> StartAsync(DistributedApplicationBuilder builder, OtlpEnvironment? otlp = null)
    {
        var app = builder.Build();
        var orchestrator = new Orchestrator(app.Model, app.ExecutionContext, _state);
        await orchestrator.StartAsync(otlp, CancellationToken.None);
        return orchestrator;
    }

    private static CancellationTokenSource Cts() => new(Timeout);

    // Console lines do not change any state, so they are polled for.
    private static async Task LineAsync(Orchestrator orchestrator, Func<LogLine, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!orchestrator.Logs.Lines("app").Any(match) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Contains(orchestrator.Logs.Lines("app"), l => match(l));
    }
}
