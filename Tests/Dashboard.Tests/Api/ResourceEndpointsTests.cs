using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deploy.Dashboard.Resources;
using Deploy.Dashboard.Tests.Infrastructure;
using static Deploy.Dashboard.Tests.Resources.InMemoryResourceServiceTests;

namespace Deploy.Dashboard.Tests.Api;

public sealed class ResourceEndpointsTests : IAsyncLifetime
{
    private TestDashboard _dashboard = null!;

    public async ValueTask InitializeAsync()
    {
        var resources = new InMemoryResourceService();
        resources.Upsert(Resource("api"));
        _dashboard = await TestDashboard.StartAsync(resources: resources);
    }

    public async ValueTask DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task GetResources_SecretEnvironment_IsMaskedAndPlainIsShown()
    {
        var json = await _dashboard.GetJsonAsync("/api/resources");
        var text = json.GetRawText();

        var env = json[0].GetProperty("environment").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal("visible", env["PLAIN"].GetProperty("value").GetString());
        Assert.True(env["ApiKey"].GetProperty("isSecret").GetBoolean());
        Assert.False(env["ApiKey"].TryGetProperty("value", out _));
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.Equal("http://localhost:5000", json[0].GetProperty("urls")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task PostCommand_Stop_ChangesStateAndReportsSuccess()
    {
        using var response = await _dashboard.Client.PostAsync(new Uri("/api/resources/api/commands/stop", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("succeeded").GetBoolean());
        Assert.Equal("Exited", _dashboard.Resources.GetResources().Single().State);
    }

    [Fact]
    public async Task PostCommand_UnknownCommand_Returns400()
    {
        using var response = await _dashboard.Client.PostAsync(new Uri("/api/resources/api/commands/delete", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostCommand_UnknownResource_Returns409WithMessage()
    {
        using var response = await _dashboard.Client.PostAsync(new Uri("/api/resources/ghost/commands/start", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ghost", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleStream_LiveLine_ArrivesAsServerSentEvent()
    {
        _dashboard.Resources.AppendConsoleLog(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "backlog line", false));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        using var response = await _dashboard.Client.GetAsync(new Uri("/api/console/stream?resource=api", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        var backlog = await SseReader.NextAsync(reader, "lines", cts.Token);
        Assert.Contains("backlog line", backlog, StringComparison.Ordinal);
        await SseReader.NextAsync(reader, "backlogEnd", cts.Token);
        _dashboard.Resources.AppendConsoleLog(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "ERROR live line", true));
        var live = JsonDocument.Parse(await SseReader.NextAsync(reader, "lines", cts.Token)).RootElement[0];

        Assert.Equal("ERROR live line", live.GetProperty("text").GetString());
        Assert.True(live.GetProperty("isStdErr").GetBoolean());
    }

    [Fact]
    public async Task ResourceStream_SnapshotThenUpsert_AreServerSentEvents()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10));
        using var response = await _dashboard.Client.GetAsync(new Uri("/api/resources/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        var snapshot = await SseReader.NextAsync(reader, "snapshot", cts.Token);
        Assert.Contains("\"name\":\"api\"", snapshot, StringComparison.Ordinal);
        _dashboard.Resources.Upsert(Resource("cache", "Starting"));
        var upsert = await SseReader.NextAsync(reader, "upsert", cts.Token);

        Assert.Contains("\"state\":\"Starting\"", upsert, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", snapshot + upsert, StringComparison.Ordinal);
    }
}
