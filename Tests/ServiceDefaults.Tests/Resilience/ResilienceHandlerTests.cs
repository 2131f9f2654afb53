using Deploy.ServiceDefaults.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;

namespace Deploy.ServiceDefaults.Tests.Resilience;

public sealed class ResilienceHandlerTests
{
    private static readonly StandardResilienceOptions FastOptions = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        TotalRequestTimeout = TimeSpan.FromSeconds(5),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_Transient503ThenOk_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/flaky", () =>
            Interlocked.Increment(ref calls) <= 2 ? Results.StatusCode(503) : Results.Text("ok")));
        using var services = ClientServices(FastOptions);

        var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri(server.Address, "/flaky"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task GetAsync_NonTransient404_DoesNotRetry()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/missing", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.NotFound();
        }));
        using var services = ClientServices(FastOptions);

        var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri(server.Address, "/missing"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task GetAsync_AlwaysFailing_GivesUpAfterMaxRetriesWithLastResponse()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/down", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.StatusCode(500);
        }));
        using var services = ClientServices(FastOptions with { MaxRetryAttempts = 2 });

        var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri(server.Address, "/down"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task GetAsync_SlowAttempts_TimesOutEachAttemptThenTotal()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return "late";
        }));
        using var services = ClientServices(FastOptions with { MaxRetryAttempts = 1, TotalRequestTimeout = TimeSpan.FromSeconds(3) });

        await Assert.ThrowsAsync<TimeoutRejectedException>(
            () => services.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync(new Uri(server.Address, "/slow"), Ct));

        Assert.Equal(2, calls);
    }

    private static ServiceProvider ClientServices(StandardResilienceOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("api").AddStandardResilienceHandler(options);
        return services.BuildServiceProvider();
    }
}
