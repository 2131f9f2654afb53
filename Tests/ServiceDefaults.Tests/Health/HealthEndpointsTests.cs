using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Deploy.ServiceDefaults.Tests.Health;

public sealed class HealthEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_AllChecksPass_Returns200Healthy()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapDefaultEndpoints(), builder => builder.AddServiceDefaults());
        using var client = new HttpClient { BaseAddress = server.Address };

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Health_ReadinessCheckFails_HealthIs503ButAliveStays200()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapDefaultEndpoints(), builder =>
        {
            builder.AddServiceDefaults();
            builder.Services.AddHealthChecks().AddCheck("db", () => HealthCheckResult.Unhealthy("down"));
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AddServiceDefaults_CalledTwice_HealthStillHealthy()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapDefaultEndpoints(), builder => builder.AddServiceDefaults().AddServiceDefaults());
        using var client = new HttpClient { BaseAddress = server.Address };

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    // Aspire's template maps the probes only in Development; the deployed Kubernetes probes need them in Production.
    [Fact]
    public async Task MapDefaultEndpoints_ProductionEnvironment_ProbesMapped()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapDefaultEndpoints(), builder =>
        {
            builder.Environment.EnvironmentName = Environments.Production;
            builder.AddServiceDefaults();
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
