using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.EndToEnd.Tests;

/// <summary>A native server that cannot start fails with a message naming the resource, the cause and the fix.</summary>
public sealed class NativeFailureTests
{
    [Fact]
    public async Task FixedPortInUse_ServerFailsNamingPortAndHolder()
    {
        using var state = new TestState();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = TestModel.Create("--Deploy:Runtime=native", $"--Deploy:StateDirectory={state.Path}");
        builder.AddDeploy();
        builder.AddRedis("cache", port: port);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var reason = await FailureReasonAsync(app, "cache", timeout.Token);

        Assert.Contains($"Resource 'cache': port {port} is already in use by", reason, StringComparison.Ordinal);
        Assert.Contains($"(pid {System.Environment.ProcessId})", reason, StringComparison.Ordinal);
        Assert.Contains("Fix:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordChangedAgainstDataVolume_ServerFailsNamingParameterAndFix()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using (var first = await StartPostgresAsync(state.Path, "first-password", timeout.Token))
        {
            await first.ResourceNotifications.WaitForResourceHealthyAsync("pg", timeout.Token);
            await first.StopAsync(timeout.Token);
        }

        await using var second = await StartPostgresAsync(state.Path, "second-password", timeout.Token);
        var reason = await FailureReasonAsync(second, "pg", timeout.Token);

        Assert.Contains("parameter 'pg-password'", reason, StringComparison.Ordinal);
        Assert.Contains("Fix: set Parameters:pg-password back", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("second-password", reason, StringComparison.Ordinal);
    }

    private static async Task<DistributedApplication> StartPostgresAsync(string state, string password, CancellationToken cancellationToken)
    {
        var builder = TestModel.Create("--Deploy:Runtime=native", $"--Deploy:StateDirectory={state}", $"--Parameters:pg-password={password}");
        builder.AddDeploy();
        var secret = builder.AddParameter("pg-password", secret: true);
        builder.AddPostgres("pg", password: secret).WithDataVolume("deploy-e2e-pg-data");
        var app = await builder.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static async Task<string> FailureReasonAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        var failed = await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, cancellationToken);
        return failed.Snapshot.Properties.Single(p => p.Name == "deploy.reason").Value as string ?? "";
    }
}
