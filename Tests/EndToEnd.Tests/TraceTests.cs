using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Deploy.EndToEnd.Tests;

/// <summary>One trace from the web front end through the Api to an embedding worker, as the dashboard shows it.</summary>
public sealed partial class TraceTests(SearchAppFixture app) : IClassFixture<SearchAppFixture>
{
    [Fact]
    public async Task AddDocumentThroughWeb_OneTrace_HasWebApiAndWorkerSpans()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var web = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        // The form carries an antiforgery token (and sets its cookie); post it like a browser would.
        var form = await web.GetStringAsync($"{app.Web}/documents/new");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["title"] = "Traced",
            ["text"] = "a document whose trace runs from the web page to the embedding worker",
        });
        using var posted = await web.PostAsync($"{app.Web}/documents", content);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var dashboard = await app.AppHost.WaitForLineAsync(@"Dashboard: (http://\S+)/login\?t=(\w+)", TimeSpan.FromSeconds(5));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(dashboard.Groups[1].Value) };
        (await browser.GetAsync($"/login?t={dashboard.Groups[2].Value}")).EnsureSuccessStatusCode();

        // Telemetry is exported in batches (seconds); poll until the worker's span has arrived.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string[] resources = [];
        var traceId = "";
        while (DateTime.UtcNow < deadline)
        {
            var traces = JsonDocument.Parse(await browser.GetStringAsync("/api/traces?text=POST%20%2Fdocuments&limit=200")).RootElement;
            var trace = traces.EnumerateArray().FirstOrDefault(t => t.GetProperty("rootResource").GetString()!.StartsWith("web", StringComparison.Ordinal));
            if (trace.ValueKind == JsonValueKind.Object)
            {
                resources = [.. trace.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!)];
                traceId = trace.GetProperty("traceId").GetString()!;
                if (resources.Any(r => r.Contains("embedder", StringComparison.Ordinal)))
                    break;
            }

            await Task.Delay(500);
        }

        Assert.Contains(resources, r => r.StartsWith("web", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.StartsWith("api", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.StartsWith("embedder", StringComparison.Ordinal));

        // The same trace as a person sees it: one waterfall with spans from all three services.
        var (playwright, chromium) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = chromium;
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{dashboard.Groups[1].Value}/login?t={dashboard.Groups[2].Value}");
        await page.GotoAsync($"{dashboard.Groups[1].Value}/#/traces/{traceId}");
        var waterfall = page.Locator("#waterfall");
        await Microsoft.Playwright.Assertions.Expect(waterfall.Locator(".span").First).ToBeVisibleAsync();
        foreach (var service in new[] { "web", "api", "embedder" })
            await Microsoft.Playwright.Assertions.Expect(waterfall).ToContainTextAsync(service);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "e2e-trace-web-api-embedder.png"), FullPage = true });
    }

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]+)">""")]
    private static partial Regex AntiforgeryToken();
}
