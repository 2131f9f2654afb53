using Microsoft.Playwright;

namespace Deploy.EndToEnd.Tests;

/// <summary>Debian's headless Chromium under Playwright; never a downloaded browser.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches it; fails (never skips) when it is not installed, so a green run always means the UI was checked.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: run 'apt-get install chromium' (the dashboard tests drive Debian's Chromium and never download one).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
