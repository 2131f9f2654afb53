using Aspire.Hosting;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Postgres;

/// <summary>The native PostgreSQL recipe with a real server: a data volume keeps its first password.</summary>
public sealed class PostgresNativeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _state = TraversableTempDirectory();

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Run_DataVolumeWithChangedPassword_ExplainsWhyPostgresIsUnhealthy()
    {
        await using (var first = await StartAsync("first-password"))
        {
            using var cts = new CancellationTokenSource(Timeout);
            await first.WaitForAllReadyAsync(cts.Token);
            Assert.Equal("Healthy", first.States.Get("pg")!.Health);
        }

        await using var second = await StartAsync("second-password");
        using var wait = new CancellationTokenSource(Timeout);
        await second.States.WaitUntilAsync(() => second.States.Get("pg")?.Reason?.Contains("rejected the password", StringComparison.Ordinal) == true, wait.Token);

        var snapshot = second.States.Get("pg")!;
        Assert.Equal("Unhealthy", snapshot.Health);
        Assert.Contains("'pg-pw': the data directory was initialised with another one", snapshot.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("second-password", snapshot.Reason, StringComparison.Ordinal);
    }

    private async Task<Orchestrator> StartAsync(string password)
    {
        Environment.SetEnvironmentVariable("DEPLOY_CONTAINER_RUNTIME", "native");
        var builder = TestModels.Run($"--Parameters:pg-pw={password}");
        builder.AddPostgres("pg", password: builder.AddParameter("pg-pw", secret: true)).WithDataVolume("pg-data");
        var app = builder.Build();
        var orchestrator = new Orchestrator(app.Model, app.ExecutionContext, _state);
        await orchestrator.StartAsync(CancellationToken.None);
        return orchestrator;
    }

    // The native server runs as an unprivileged account when tests run as root; it must reach its data directory.
    private static string TraversableTempDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("deploy-test-pg-").FullName;
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        return directory;
    }
}
