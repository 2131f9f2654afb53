using Deploy.Dashboard.Otlp.Proto.Metrics;
using Deploy.Dashboard.Resources;
using Deploy.Dashboard.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.Playwright;
using static Deploy.Dashboard.Tests.Infrastructure.Otlp;

namespace Deploy.Dashboard.Tests.Ui;

/// <summary>
/// The UI in Debian's headless Chromium (never a downloaded browser) against a real dashboard fed over OTLP/HTTP.
/// Screenshots land in the test output folder under screenshots/.
/// </summary>
public sealed class DashboardUiTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private TestDashboard _dashboard = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        var resources = new InMemoryResourceService();
        resources.Upsert(new ResourceView("api", "Project", "Running", "Healthy", 1,
            [new ResourceUrl("http", "http://localhost:5080")],
            [new EnvironmentVariableView("ASPNETCORE_ENVIRONMENT", "Development", false), new EnvironmentVariableView("ApiKey", "ui-secret-value", true)],
            DateTimeOffset.UtcNow, null));
        resources.AppendConsoleLog(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "Now listening on: http://localhost:5080", false));
        resources.AppendConsoleLog(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "fail: something went wrong", true));
        _dashboard = await TestDashboard.StartAsync(resources: resources);
        await PostTelemetryAsync();
        if (File.Exists(ChromiumPath))
        {
            Directory.CreateDirectory(Screenshots);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task Browser_WithoutToken_SeesOnlyTheLoginPage()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync(_dashboard.Urls.UiUrl + "/#/traces");

        Assert.Equal(401, response!.Status);
        await Assertions.Expect(page.Locator("form#login")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#page").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "login.png") });
    }

    [Fact]
    public async Task Browser_LoginLink_ShowsResourcesConsoleTraceWaterfallAndChart()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(_dashboard.Urls.LoginUrl);

        // Resources: the row, its endpoint link, and the secret never reaching the page.
        var row = page.Locator("#resources tr[data-resource=api]");
        await Assertions.Expect(row).ToContainTextAsync("Running");
        await Assertions.Expect(row.Locator("a[href='http://localhost:5080']")).ToBeVisibleAsync();
        await row.Locator("button.link").ClickAsync();
        await Assertions.Expect(page.Locator("#resources .secret")).ToBeVisibleAsync();
        Assert.DoesNotContain("ui-secret-value", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "resources.png"), FullPage = true });

        // Actions go through the API to the resource service, and the change streams back into the table.
        await row.Locator("button[data-action=stop]").ClickAsync();
        await Assertions.Expect(page.Locator("#resources tr[data-resource=api]")).ToContainTextAsync("Exited");
        await page.Locator("#resources tr[data-resource=api] button[data-action=start]").ClickAsync();
        await Assertions.Expect(page.Locator("#resources tr[data-resource=api]")).ToContainTextAsync("Running");

        // Console: backlog lines, stderr highlighted.
        await page.GotoAsync(_dashboard.Urls.UiUrl + "/#/console?resource=api");
        await Assertions.Expect(page.Locator("#console")).ToContainTextAsync("Now listening on");
        await Assertions.Expect(page.Locator("#console .stderr")).ToContainTextAsync("something went wrong");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "console.png") });
        await page.Locator("#console-search").FillAsync("listening");
        await Assertions.Expect(page.Locator("#console .line")).ToHaveCountAsync(1);

        // Traces: list, then the waterfall of the web → api → gpuworker trace.
        await page.GotoAsync(_dashboard.Urls.UiUrl + "/#/traces");
        await page.Locator("#traces .tracerow", new() { HasText = "GET /documents" }).ClickAsync();
        await Assertions.Expect(page.Locator("#waterfall .span")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#waterfall")).ToContainTextAsync("gpuworker: embed");
        await page.Locator("#waterfall .span").Nth(2).ClickAsync();
        await Assertions.Expect(page.Locator("#span-detail")).ToContainTextAsync("gpu.device");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "trace-waterfall.png") });

        // Logs of that trace.
        await page.Locator("#trace-logs").ClickAsync();
        await Assertions.Expect(page.Locator("#logs")).ToContainTextAsync("embedding computed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "logs.png") });

        // Metrics: a histogram drawn as percentile lines.
        await page.GotoAsync(_dashboard.Urls.UiUrl + "/#/metrics?resource=api&name=http.server.request.duration");
        await Assertions.Expect(page.Locator("#chart svg polyline.series")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "metrics.png") });
    }

    private async Task<IPage> NewPageAsync()
    {
        // A missing browser fails rather than skips: a skipped UI test reads as green in CI while nothing was checked.
        Assert.True(_browser is not null, $"{ChromiumPath} is missing: run 'apt-get install chromium' (these tests drive Debian's Chromium and never download one).");
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private async Task PostTelemetryAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var client = new HttpClient();
        async Task PostAsync(string signal, IMessage message)
        {
            using var content = new ByteArrayContent(message.ToByteArray());
            content.Headers.ContentType = new("application/x-protobuf");
            using var response = await client.PostAsync(new Uri($"{_dashboard.Urls.OtlpHttpEndpoint}/v1/{signal}"), content, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await PostAsync("traces", Traces("web", Span(1, 1, null, "GET /documents", now - 500, 120)));
        await PostAsync("traces", Traces("api", Span(1, 2, 1, "POST /embed", now - 480, 90)));
        var gpu = Span(1, 3, 2, "embed", now - 470, 70);
        gpu.Attributes.Add(Attr("gpu.device", "cpu-fallback"));
        await PostAsync("traces", Traces("gpuworker", gpu));
        await PostAsync("logs", Logs("gpuworker", Log("embedding computed", trace: 1)));

        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Delta };
        for (var i = 0; i < 10; i++)
        {
            histogram.DataPoints.Add(new HistogramDataPoint
            {
                TimeUnixNano = (ulong)(now - ((10 - i) * 1000)) * 1_000_000,
                Count = 20,
                Sum = 20 * (10 + i),
                ExplicitBounds = { 5, 10, 25, 50, 100 },
                BucketCounts = { 2, 4, 8, 4, 1, (ulong)(i % 2) },
            });
        }

        await PostAsync("metrics", Metrics("api", new Metric { Name = "http.server.request.duration", Unit = "ms", Histogram = histogram }));
    }
}
