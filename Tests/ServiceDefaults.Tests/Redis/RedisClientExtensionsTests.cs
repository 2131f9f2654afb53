using Deploy.ServiceDefaults.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RedisClientExtensionsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void AddRedisClient_MissingConnectionString_ThrowsNamingKeyAndFix()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddRedisClient("cache"));

        Assert.Contains("ConnectionStrings:cache", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__cache", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithReference(cache)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRedisClient_MalformedConnectionString_ThrowsNamingKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:cache"] = "localhost:notaport";

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddRedisClient("cache"));

        Assert.Contains("ConnectionStrings:cache", ex.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public async Task AddRedisClient_ReachableServer_RegistersClientAndHealthyCheck()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:cache"] = redis.ConnectionString;
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<RedisClient>();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Same(client, host.Services.GetRequiredService<RedisClient>());
        Assert.Equal(redis.Port, client.Options.Port);
        Assert.Equal(HealthStatus.Healthy, report.Entries["cache"].Status);
    }

    [Fact]
    public async Task AddRedisClient_WrongPassword_HealthCheckUnhealthyWithServerText()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:cache"] = $"127.0.0.1:{redis.Port},password=wrong";
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["cache"].Status);
        Assert.Contains("WRONGPASS", report.Entries["cache"].Description, StringComparison.Ordinal);
    }
}
