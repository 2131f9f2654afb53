using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Deploy.ServiceDefaults.Tests.Discovery;

public sealed class ServiceDiscoveryHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_ThroughServiceDefaults_ReachesConfiguredService()
    {
        await using var api = await LoopbackServer.StartAsync(app => app.MapGet("/hello/{name}", (string name) => $"hi {name}"));
        using var host = BuildClientHost(("services:api:http:0", api.Address.ToString()));
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        var body = await client.GetStringAsync(new Uri("https+http://api/hello/deploy"), Ct);

        Assert.Equal("hi deploy", body);
    }

    [Fact]
    public async Task GetAsync_ServiceNotConfigured_ThrowsInvalidOperationNamingKey()
    {
        using var host = BuildClientHost();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("named");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("http://catalog/items"), Ct));

        Assert.Contains("services:catalog:http:0", ex.Message, StringComparison.Ordinal);
    }

    private static IHost BuildClientHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("named");
        return builder.Build();
    }
}
