using Microsoft.Extensions.Hosting;

namespace Deploy.Hosting.Native;

/// <summary>Stops the native servers when the AppHost stops, after DCP stopped the resources that use them, then
/// removes this run's temporary data.</summary>
internal sealed class NativeServersShutdown(NativeServers servers) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The testing host's DisposeAsync stops a second time after StopAsync.
        if (servers.Environment is not { IsStopping: false } environment)
            return;
        environment.IsStopping = true;
        await Task.WhenAll(servers.All.Select(s => s.StopAsync(Grace))).ConfigureAwait(false);
        environment.State.RemoveRunData();
        environment.Dispose();
        foreach (var server in servers.All)
            server.Dispose();
    }
}
