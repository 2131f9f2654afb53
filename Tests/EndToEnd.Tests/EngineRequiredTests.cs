using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Deploy.EndToEnd.Tests;

/// <summary>Companion containers with no native launcher, with no engine: they fail at once with a message, and the rest runs.</summary>
public sealed class EngineRequiredTests
{
    [Fact]
    public async Task PgAdminAndRedisInsight_NoEngine_FailWithMessageWhileServersAreHealthy()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = TestModel.Create("--Deploy:Runtime=native", $"--Deploy:StateDirectory={state.Path}");
        builder.AddDeploy();
        builder.AddPostgres("pg").WithPgAdmin().AddDatabase("db");
        builder.AddRedis("cache").WithRedisInsight();
        builder.AddContainer("plain", "nginx");
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        await app.ResourceNotifications.WaitForResourceHealthyAsync("db", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("cache", timeout.Token);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var companions = model.Resources.OfType<ContainerResource>().Where(r => r is not (PostgresServerResource or RedisResource)).Select(r => r.Name).ToList();
        Assert.Equal(3, companions.Count);
        foreach (var name in companions)
        {
            var current = await app.ResourceNotifications.WaitForResourceAsync(name,
                e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, timeout.Token);
            var reason = current.Snapshot.Properties.Single(p => p.Name == "deploy.reason").Value as string;
            Assert.Contains($"Resource '{name}' is a container", reason, StringComparison.Ordinal);
            Assert.Contains("needs a container engine", reason, StringComparison.Ordinal);
        }
    }
}
