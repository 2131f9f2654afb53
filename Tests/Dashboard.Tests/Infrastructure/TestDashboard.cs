using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deploy.Dashboard.Resources;

namespace Deploy.Dashboard.Tests.Infrastructure;

/// <summary>A real dashboard on random loopback ports, plus an HttpClient already logged in to its UI port.</summary>
public sealed class TestDashboard : IAsyncDisposable
{
    private TestDashboard(DashboardServer server, DashboardUrls urls, HttpClient client)
    {
        Server = server;
        Urls = urls;
        Client = client;
    }

    public DashboardServer Server { get; }

    public DashboardUrls Urls { get; }

    /// <summary>Logged in (carries the session cookie), base address = UI URL.</summary>
    public HttpClient Client { get; }

    public InMemoryResourceService Resources => (InMemoryResourceService)Server.Resources;

    public static async Task<TestDashboard> StartAsync(DashboardOptions? options = null, InMemoryResourceService? resources = null)
    {
        var server = new DashboardServer(options ?? new DashboardOptions(), resources ?? new InMemoryResourceService());
        var urls = await server.StartAsync(TestContext.Current.CancellationToken);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(urls.UiUrl) };
        client.DefaultRequestHeaders.Add("X-Dashboard-Request", "1");
        using var login = await client.GetAsync(new Uri(urls.LoginUrl), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return new TestDashboard(server, urls, client);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Polls an API query until it satisfies <paramref name="done"/> (exporters flush asynchronously).</summary>
    public async Task<JsonElement> WaitForJsonAsync(string path, Func<JsonElement, bool> done, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var json = await GetJsonAsync(path);
            if (done(json) || DateTime.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
