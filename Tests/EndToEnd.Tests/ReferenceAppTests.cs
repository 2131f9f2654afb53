using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using StackExchange.Redis;

namespace Deploy.EndToEnd.Tests;

/// <summary>The reference application on real Aspire with native PostgreSQL and Redis: data round-trips, crashes are
/// restarted, data survives, and nothing is left behind.</summary>
public sealed class ReferenceAppTests
{
    [Fact]
    public async Task ReferenceApp_NativeRuntime_DocumentRoundTripsThroughPostgresAndRedis()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(ReferenceApp.StartTimeout);
        await using var app = await ReferenceApp.StartAsync(state.Path, timeout.Token);
        using var api = app.CreateHttpClient("api");

        var unauthorised = await api.PostAsJsonAsync("/documents", new { title = "t", text = "x" }, timeout.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);

        var id = await PostDocumentAsync(api, "Backups", "How to restore a database from a nightly backup", timeout.Token);
        var miss = await api.GetAsync($"/documents/{id}", timeout.Token);
        var hit = await api.GetAsync($"/documents/{id}", timeout.Token);
        Assert.Equal("miss", Assert.Single(miss.Headers.GetValues("X-Cache")));
        Assert.Equal("hit", Assert.Single(hit.Headers.GetValues("X-Cache")));

        await using (var db = new NpgsqlConnection(await app.GetConnectionStringAsync("docs", timeout.Token)))
        {
            await db.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT title FROM documents WHERE id = $1", db) { Parameters = { new() { Value = id } } };
            Assert.Equal("Backups", await command.ExecuteScalarAsync(timeout.Token));
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(await app.GetConnectionStringAsync("cache", timeout.Token) ?? ""))
        {
            var cached = await redis.GetDatabase().StringGetAsync($"document:{id}");
            Assert.Contains("nightly backup", cached.ToString(), StringComparison.Ordinal);
        }

        var embedded = await WaitForSearchHitAsync(api, "restore backup", id, timeout.Token);
        Assert.True(embedded, "the embedder never embedded the document, so search did not find it");
    }

    [Fact]
    public async Task KillNineApiAndPostgres_BothRestarted_ServingWithCommittedRowsIntact()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(ReferenceApp.StartTimeout * 2);
        await using var app = await ReferenceApp.StartAsync(state.Path, timeout.Token);
        using var api = app.CreateHttpClient("api");
        var id = await PostDocumentAsync(api, "Committed", "a row that must survive a crash", timeout.Token);

        var apiPid = Processes.PidOf(await ReferenceApp.CurrentAsync(app, "api", timeout.Token));
        Processes.Kill(apiPid);
        var restartedApi = await ReferenceApp.WaitForRestartAsync(app, "api", apiPid, timeout.Token);
        Assert.Equal("1", restartedApi.Snapshot.Properties.Single(p => p.Name == "deploy.restarts").Value);

        var postgresPid = Processes.PidOf(await ReferenceApp.CurrentAsync(app, "postgres", timeout.Token));
        Processes.Kill(postgresPid);
        await ReferenceApp.WaitForRestartAsync(app, "postgres", postgresPid, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("docs", timeout.Token);

        var document = await GetWithRetryAsync(api, $"/documents/{id}", timeout.Token);
        Assert.Contains("a row that must survive a crash", document, StringComparison.Ordinal);
        var stats = JsonDocument.Parse(await GetWithRetryAsync(api, "/stats", timeout.Token));
        Assert.True(stats.RootElement.GetProperty("documents").GetInt64() >= 1);
    }

    [Fact]
    public async Task Stop_ThenStartAgain_NoProcessLeftAndDataVolumeKept()
    {
        using var state = new TestState();
        using var timeout = new CancellationTokenSource(ReferenceApp.StartTimeout * 2);
        long id;
        var pids = new List<int>();
        await using (var app = await ReferenceApp.StartAsync(state.Path, timeout.Token))
        {
            using var api = app.CreateHttpClient("api");
            id = await PostDocumentAsync(api, "Kept", "kept across runs by the data volume", timeout.Token);
            foreach (var resource in new[] { "postgres", "cache", "api", "web" })
                pids.Add(Processes.PidOf(await ReferenceApp.CurrentAsync(app, resource, timeout.Token)));
            // When each process disappears, watched from /proc while the app stops.
            var gone = new Dictionary<int, DateTime>();
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var watch = Task.Run(async () =>
            {
                while (!watching.IsCancellationRequested && gone.Count < pids.Count)
                {
                    foreach (var pid in pids.Where(p => !gone.ContainsKey(p) && !Processes.IsAlive(p)))
                        gone[pid] = DateTime.UtcNow;
                    await Task.Delay(10, CancellationToken.None);
                }
            }, CancellationToken.None);
            await app.StopAsync(timeout.Token);
            await Task.WhenAny(watch, Task.Delay(TimeSpan.FromSeconds(15), timeout.Token));
            await watching.CancelAsync();
            await watch;

            // The servers go last: nothing that uses them sees them disappear first (pids: postgres, cache, api, web).
            Assert.Equal(pids.Count, gone.Count);
            Assert.True(gone[pids[0]] >= gone[pids[2]], $"postgres stopped {(gone[pids[2]] - gone[pids[0]]).TotalMilliseconds} ms before the api");
            Assert.True(gone[pids[1]] >= gone[pids[3]], $"cache stopped {(gone[pids[3]] - gone[pids[1]]).TotalMilliseconds} ms before web");
        }

        Assert.Empty(await Processes.WaitForExitAsync(pids, TimeSpan.FromSeconds(15)));

        await using (var again = await ReferenceApp.StartAsync(state.Path, timeout.Token))
        {
            using var api = again.CreateHttpClient("api");
            var document = await GetWithRetryAsync(api, $"/documents/{id}", timeout.Token);
            Assert.Contains("kept across runs", document, StringComparison.Ordinal);
        }
    }

    private static async Task<long> PostDocumentAsync(HttpClient api, string title, string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/documents") { Content = JsonContent.Create(new { title, text }) };
        request.Headers.Add("X-Api-Key", ReferenceApp.ApiKey);
        using var response = await api.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("id").GetInt64();
    }

    private static async Task<bool> WaitForSearchHitAsync(HttpClient api, string query, long id, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var json = JsonDocument.Parse(await api.GetStringAsync($"/search?q={Uri.EscapeDataString(query)}&k=3", cancellationToken));
            var results = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement : json.RootElement.GetProperty("results");
            if (results.EnumerateArray().Any(r => r.GetProperty("id").GetInt64() == id))
                return true;
            await Task.Delay(500, cancellationToken);
        }

        return false;
    }

    // Right after a restart the Api's pooled connections may still point at the old server: retry briefly.
    private static async Task<string> GetWithRetryAsync(HttpClient api, string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await api.GetAsync(path, cancellationToken);
            if (response.IsSuccessStatusCode || attempt >= 40)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }

            await Task.Delay(250, cancellationToken);
        }
    }
}
