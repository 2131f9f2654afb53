using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Deploy.EndToEnd.Tests;

/// <summary>The dashboard's Stop, Start and Restart on a natively run server go through Aspire's command service, as a
/// click in the dashboard does.</summary>
public sealed class NativeCommandsTests
{
    [Fact]
    public async Task StopStartRestart_NativeRedis_StopsStaysDownThenServesWithNewProcess()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = TestModel.Create("--Deploy:Runtime=native", $"--Deploy:StateDirectory={state.Path}");
        builder.AddDeploy();
        builder.AddRedis("cache");
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var first = Processes.PidOf(await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token));

        Assert.True((await commands.ExecuteCommandAsync("cache", KnownResourceCommands.StopCommand, timeout.Token)).Success);
        await app.ResourceNotifications.WaitForResourceAsync("cache", KnownResourceStates.Finished, timeout.Token);
        Assert.Empty(await Processes.WaitForExitAsync([first], TimeSpan.FromSeconds(10)));
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        var stopped = await app.ResourceNotifications.WaitForResourceAsync("cache", _ => true, timeout.Token);
        Assert.Equal(KnownResourceStates.Finished, stopped.Snapshot.State?.Text);

        Assert.True((await commands.ExecuteCommandAsync("cache", KnownResourceCommands.StartCommand, timeout.Token)).Success);
        var second = Processes.PidOf(await ReferenceApp.WaitForRestartAsync(app, "cache", first, timeout.Token));

        Assert.True((await commands.ExecuteCommandAsync("cache", KnownResourceCommands.RestartCommand, timeout.Token)).Success);
        var third = Processes.PidOf(await ReferenceApp.WaitForRestartAsync(app, "cache", second, timeout.Token));
        Assert.NotEqual(second, third);
        Assert.False(Processes.IsAlive(second));
    }
}
