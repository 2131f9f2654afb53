using Microsoft.Playwright;

namespace Deploy.EndToEnd.Tests;

/// <summary>
/// The dashboard hosted by the real reference AppHost, in Debian's headless Chromium: login through the printed link,
/// resources, the Api's console, its traces and metrics over OTLP. Screenshots land in the test output folder under
/// screenshots/e2e-*.png.
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly string _state = ReferenceAppTests.TraversableTempDirectory();

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Dashboard_LoginLink_ShowsRunningResourcesApiConsoleTraceAndMetricChart()
    {
        Directory.CreateDirectory(Screenshots);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var appHost = AppHostProcess.Start(_state);
        var login = (await appHost.WaitForLineAsync(@"^Dashboard: (http://127\.0\.0\.1:\d+)(/login\?t=[0-9a-f]+)$", StartTimeout)).Groups;
        var (ui, loginUrl) = (login[1].Value, login[1].Value + login[2].Value);
        // The link is the first thing the user sees, before any resource line.
        Assert.StartsWith("Dashboard: ", appHost.Lines[0], StringComparison.Ordinal);
        await appHost.WaitForLineAsync("All resources are ready", StartTimeout);
        var (api, _) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5));

        // Without the token: the login page only, for pages and for the API.
        var anonymous = await NewPageAsync(browser);
        var denied = await anonymous.GotoAsync(ui + "/#/resources");
        Assert.Equal(401, denied!.Status);
        await Assertions.Expect(anonymous.Locator("form#login")).ToBeVisibleAsync();
        Assert.Equal(0, await anonymous.Locator("#page").CountAsync());
        Assert.Equal(401, (await anonymous.APIRequest.GetAsync(ui + "/api/resources")).Status);
        await anonymous.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "e2e-login.png") });

        // A request to the Api, so it has a trace and request metrics to export (every second in Development).
        using (var http = new HttpClient())
            Assert.True((await http.GetAsync(new Uri(api + "/"))).IsSuccessStatusCode);

        var page = await NewPageAsync(browser);
        await page.GotoAsync(loginUrl);
        foreach (var name in new[] { "api", "postgres", "cache" })
            await Assertions.Expect(page.Locator($"#resources tr[data-resource={name}]")).ToContainTextAsync("Running");
        // Whatever else the reference app has, nothing failed (jobs may show Finished).
        foreach (var state in await page.Locator("#resources tr[data-resource] .badge").AllInnerTextsAsync())
            Assert.DoesNotMatch("FailedToStart|Exited", state);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "e2e-resources.png"), FullPage = true });

        // The Api's own console output (ASP.NET Core's start-up log lines), captured by the engine.
        await page.GotoAsync(ui + "/#/console?resource=api");
        await Assertions.Expect(page.Locator("#console")).ToContainTextAsync("Application started");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "e2e-console.png") });

        // A trace the Api exported over OTLP/gRPC, with its waterfall.
        await page.GotoAsync(ui + "/#/traces?resource=api");
        var trace = page.Locator("#traces .tracerow", new() { HasText = "GET" }).First;
        await Assertions.Expect(trace).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await trace.ClickAsync();
        await Assertions.Expect(page.Locator("#waterfall .span").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#waterfall")).ToContainTextAsync("api");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "e2e-trace.png") });

        // A metric chart: ASP.NET Core's request duration histogram, drawn as percentile lines.
        await page.GotoAsync(ui + "/#/metrics?resource=api&name=http.server.request.duration");
        await Assertions.Expect(page.Locator("#chart svg polyline.series").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "e2e-metrics.png") });
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }
}
