using Microsoft.Playwright;

namespace Deploy.EndToEnd.Tests;

/// <summary>The AppHost as a user runs it: the console says what was chosen and when all is ready, the Aspire dashboard
/// shows the app in a real browser, and <c>kill -9</c> of the AppHost leaves nothing behind.</summary>
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task RunAndKillNine_DashboardShowsTheAppThenNothingIsLeft()
    {
        using var state = new TestState();
        await using var appHost = AppHostProcess.Start(state.Path);
        var login = (await appHost.WaitForLineAsync(@"Login to the dashboard at (\S+)", Ready)).Groups[1].Value;
        await appHost.WaitForLineAsync(@"Runtime: native \(Deploy:Runtime is 'native'\)", Ready);
        await appHost.WaitForLineAsync(@"All \d+ resources are ready, [\d.]+ s after the AppHost started", Ready);
        var web = (await appHost.WaitForLineAsync(@"web: Running \(Healthy\) (http://\S+)", TimeSpan.FromSeconds(5))).Groups[1].Value;
        await appHost.WaitForLineAsync(@"embedder: no GPU found; running on CPU", TimeSpan.FromSeconds(5));

        await CheckDashboardAsync(login, web);

        var dcp = Processes.Matching("aspire.hosting.orchestration").Where(pid => Processes.CommandLine(pid) is var c && (c.Contains(state.Path, StringComparison.Ordinal) || c.Contains($"--monitor {appHost.Id} ", StringComparison.Ordinal))).ToList();
        var started = Processes.Matching(state.Path).Concat(Processes.Matching("/Samples/")).Except(dcp).Distinct().ToList();
        Assert.Contains(started, pid => Processes.CommandLine(pid).Contains("postgres", StringComparison.Ordinal));
        Assert.Contains(started, pid => Processes.CommandLine(pid).Contains("redis-server", StringComparison.Ordinal) ||
            Processes.CommandLine(pid).Contains("Samples/Api/bin", StringComparison.Ordinal));

        appHost.KillNine();

        var left = await Processes.WaitForExitAsync(started, TimeSpan.FromSeconds(10));
        Assert.True(left.Count == 0, "still alive 10 s after kill -9 of the AppHost: " +
            string.Join("; ", left.Select(pid => $"{pid} {Processes.CommandLine(pid)}")));
        // DCP itself notices its AppHost is gone on its own schedule (10-15 s measured).
        var dcpLeft = await Processes.WaitForExitAsync(dcp, TimeSpan.FromSeconds(30));
        Assert.True(dcpLeft.Count == 0, "DCP still alive 40 s after kill -9 of the AppHost: " + string.Join("; ", dcpLeft.Select(Processes.CommandLine)));
    }

    private static async Task CheckDashboardAsync(string loginUrl, string webUrl)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(loginUrl);
            foreach (var resource in new[] { "postgres", "cache", "migrations", "api", "web" })
                await Visible(page, $"text=\"{resource}\"").WaitForAsync(new() { Timeout = 60_000 });
            // The grid's state cells; the filter menu has a hidden "Running" label too.
            await Visible(page, "text=\"Running\"").WaitForAsync(new() { Timeout = 60_000 });
            // For a person to look at: DEPLOY_SCREENSHOT_DIR keeps a picture of each page checked.
            var screenshots = Environment.GetEnvironmentVariable("DEPLOY_SCREENSHOT_DIR");
            if (screenshots is not null)
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-resources.png"), FullPage = true });

            var origin = new Uri(loginUrl).GetLeftPart(UriPartial.Authority);
            await page.GotoAsync($"{origin}/consolelogs/resource/api");
            await Visible(page, "text=/Now listening on/").WaitForAsync(new() { Timeout = 60_000 });
            if (screenshots is not null)
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-console.png"), FullPage = true });

            // Structured logs and metrics arrive over OTLP from the services' defaults.
            await page.GotoAsync($"{origin}/structuredlogs/resource/api");
            await Visible(page, "text=/Now listening on/").WaitForAsync(new() { Timeout = 60_000 });
            await page.GotoAsync($"{origin}/metrics/resource/api");
            await Visible(page, "text=/Microsoft.AspNetCore.Hosting/").WaitForAsync(new() { Timeout = 60_000 });
            if (screenshots is not null)
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-metrics.png"), FullPage = true });

            // A document added through the web form: one trace from the browser's request through web and the Api to the
            // embedder that picks the job off the Redis stream.
            await page.GotoAsync($"{webUrl}/documents/new");
            await page.Locator("input[name=title]").FillAsync("Dashboard trace");
            await page.Locator("textarea[name=text]").FillAsync("A document whose trace spans web, api and embedder");
            await page.Locator("form button").First.ClickAsync();
            await page.WaitForLoadStateAsync();

            await page.GotoAsync($"{origin}/traces");
            // The row of the form's POST lists the embedder among its spans once the worker has taken the job.
            await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "web: POST /documents" }).Filter(new() { HasText = "embedder" })
                .First.WaitForAsync(new() { Timeout = 90_000 });
            // An idle worker pool polls Redis several times a second; none of that may flood the trace list.
            Assert.Equal(0, await page.Locator("text=/XREADGROUP|XAUTOCLAIM/").CountAsync());
            // Every parameter has a value locally: a publish-only one (the registry) must not ask for one in run mode.
            Assert.Equal(0, await page.Locator("text=\"Unresolved parameters\" >> visible=true").CountAsync());
            if (screenshots is not null)
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-traces.png"), FullPage = true });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    // The first visible match: the dashboard keeps hidden copies of some texts (menus, templates).
    private static ILocator Visible(IPage page, string selector) => page.Locator(selector + " >> visible=true").First;
}
