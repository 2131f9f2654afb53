using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Deploy.ServiceDefaults.Tests.Http;

/// <summary>Every HttpClient from the factory resolves service names and retries transient failures.</summary>
public sealed class HttpClientDefaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddServiceDefaults_ServiceNameAndTransientFailure_ResolvedAndRetried()
    {
        var attempts = 0;
        await using var api = await LoopbackServer.StartAsync(app => app.MapGet("/stats", () =>
            Interlocked.Increment(ref attempts) == 1 ? Results.StatusCode(503) : Results.Text("up")));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // What the AppHost's WithReference(api) sets on the caller.
        builder.Configuration["services:api:http:0"] = api.Address.ToString();
        builder.AddServiceDefaults();
        using var host = builder.Build();
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync(new Uri("http://api/stats"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, attempts);
    }
}
