using System.Net;
using Deploy.Dashboard.Security;
using Deploy.Dashboard.Tests.Infrastructure;

namespace Deploy.Dashboard.Tests.Security;

public sealed class BrowserAuthTests : IAsyncLifetime
{
    private TestDashboard _dashboard = null!;
    private readonly HttpClient _anonymous = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public async ValueTask InitializeAsync()
    {
        _dashboard = await TestDashboard.StartAsync(new DashboardOptions { BrowserToken = "fixed-token-for-test" });
        _anonymous.BaseAddress = new Uri(_dashboard.Urls.UiUrl);
    }

    public async ValueTask DisposeAsync()
    {
        _anonymous.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/resources")]
    [InlineData("/api/traces")]
    [InlineData("/api/logs")]
    [InlineData("/api/metrics/instruments")]
    [InlineData("/api/console/stream")]
    public async Task Get_ApiWithoutCookie_Returns401(string path)
    {
        using var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/app.js")]
    public async Task Get_PageWithoutCookie_ReturnsLoginPageOnly(string path)
    {
        using var response = await _anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("action=\"/login\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("app.js", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ValidToken_SetsHttpOnlyStrictCookieAndRedirectsHome()
    {
        using var response = await _anonymous.GetAsync(new Uri("/login?t=fixed-token-for-test", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(BrowserAuth.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fixed-token-for-test", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongToken_Returns401WithoutCookie()
    {
        using var response = await _anonymous.GetAsync(new Uri("/login?t=wrong-token", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("//evil.example/x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/#/traces", "/#/traces")]
    public async Task Login_ReturnUrl_OnlyLocalPathsAreFollowed(string returnUrl, string expected)
    {
        using var response = await _anonymous.GetAsync(
            new Uri($"/login?t=fixed-token-for-test&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_ForgedCookie_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/resources");
        request.Headers.Add("Cookie", $"{BrowserAuth.CookieName}=fixed-token-for-test");

        using var response = await _anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_LoggedInWithoutRequestHeader_Returns403()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(_dashboard.Urls.UiUrl) };
        (await client.GetAsync(new Uri(_dashboard.Urls.LoginUrl), TestContext.Current.CancellationToken)).Dispose();

        using var response = await client.PostAsync(new Uri("/api/resources/x/commands/stop", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_LoggedIn_ServesUi()
    {
        using var response = await _dashboard.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/assets/app.js", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_DefaultBinding_IsLoopback()
    {
        Assert.StartsWith("http://127.0.0.1:", _dashboard.Urls.UiUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:", _dashboard.Urls.OtlpGrpcEndpoint, StringComparison.Ordinal);
        Assert.Equal($"{_dashboard.Urls.UiUrl}/login?t=fixed-token-for-test", _dashboard.Urls.LoginUrl);
    }

    [Fact]
    public void Create_Default_Is32HexCharactersAndRandom()
    {
        var token = TokenGenerator.Create();

        Assert.Matches("^[0-9a-f]{32}$", token);
        Assert.NotEqual(token, TokenGenerator.Create());
    }
}
