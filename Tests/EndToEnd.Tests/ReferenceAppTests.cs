using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Deploy.EndToEnd.Tests;

/// <summary>The reference application on real PostgreSQL and Redis processes, driven over HTTP.</summary>
public sealed class ReferenceAppTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly string _state = TraversableTempDirectory();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task ReferenceApp_DocumentsFlow_StoresInPostgresCachesInRedisSurvivesCrashAndRestart()
    {
        long id;
        int[] children;
        await using (var appHost = AppHostProcess.Start(_state))
        {
            await appHost.WaitForLineAsync("All resources are ready", StartTimeout);
            var (api, apiPid) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5));
            var (postgres, postgresPid) = await appHost.WaitForRunningAsync("postgres", TimeSpan.FromSeconds(5));
            var (cache, cachePid) = await appHost.WaitForRunningAsync("cache", TimeSpan.FromSeconds(5));
            var secrets = ReadSecrets();

            // Create and read through the Api: first read misses the cache, second hits it.
            using var post = new HttpRequestMessage(HttpMethod.Post, $"{api}/documents") { Content = JsonContent.Create(new { title = "first", text = "first document" }) };
            post.Headers.Add("X-Api-Key", AppHostProcess.ApiKey);
            var created = await _http.SendAsync(post);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            Assert.Equal("miss", await CacheHeaderAsync($"{api}/documents/{id}"));
            Assert.Equal("hit", await CacheHeaderAsync($"{api}/documents/{id}"));

            // The row is in Postgres and the entry in Redis, asked directly.
            Assert.Equal("first document", await QueryTextAsync(Port(postgres), secrets["Parameters:postgres-password"], id));
            var cached = await RespProbe.GetAsync(Port(cache), secrets["Parameters:cache-password"], $"document:{id}");
            Assert.Contains("first document", cached, StringComparison.Ordinal);

            // A crash of the Api is noticed and it is restarted, serving again on the same URL.
            var linesBefore = appHost.Lines.Count;
            Process.GetProcessById(apiPid).Kill();
            var (restartedApi, newApiPid) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(30), skip: linesBefore);
            Assert.Equal(api, restartedApi);
            Assert.NotEqual(apiPid, newApiPid);
            Assert.Contains(appHost.Lines.Skip(linesBefore), l => l.Contains("api: Restarting restarts=1 exit=137", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"{api}/documents/{id}")).StatusCode);

            children = [newApiPid, postgresPid, cachePid, .. await ServicePidsAsync(appHost)];
            var exitCode = await appHost.StopAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"The AppHost exited with {exitCode}:\n{string.Join('\n', appHost.Lines.TakeLast(20))}");
        }

        Assert.All(children, pid => Assert.False(IsAlive(pid), $"Process {pid} outlived the AppHost."));

        // Started again: the data volume kept the row.
        await using (var appHost = AppHostProcess.Start(_state))
        {
            await appHost.WaitForLineAsync("All resources are ready", StartTimeout);
            var (api, _) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5));
            var document = await _http.GetFromJsonAsync<JsonElement>($"{api}/documents/{id}");
            Assert.Equal("first document", document.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task AppHost_KilledWithSigkill_LeavesNoChildProcess()
    {
        int[] children;
        await using (var appHost = AppHostProcess.Start(_state))
        {
            await appHost.WaitForLineAsync("All resources are ready", StartTimeout);
            children =
            [
                (await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5))).Pid,
                (await appHost.WaitForRunningAsync("postgres", TimeSpan.FromSeconds(5))).Pid,
                (await appHost.WaitForRunningAsync("cache", TimeSpan.FromSeconds(5))).Pid,
                .. await ServicePidsAsync(appHost),
            ];

            appHost.KillHard();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (children.Any(IsAlive) && DateTime.UtcNow < deadline)
                await Task.Delay(100);
        }

        Assert.All(children, pid => Assert.False(IsAlive(pid), $"Process {pid} outlived the SIGKILLed AppHost."));
    }

    private async Task<string?> CacheHeaderAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Cache").Single();
    }

    // The worker replicas and the web front end must not outlive the AppHost either.
    private static async Task<int[]> ServicePidsAsync(AppHostProcess appHost) =>
    [
        (await appHost.WaitForRunningAsync("embedder-0", TimeSpan.FromSeconds(5))).Pid,
        (await appHost.WaitForRunningAsync("embedder-1", TimeSpan.FromSeconds(5))).Pid,
        (await appHost.WaitForRunningAsync("web", TimeSpan.FromSeconds(5))).Pid,
    ];

    private static async Task<string?> QueryTextAsync(int port, string password, long id)
    {
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=docs;Pooling=false";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM documents WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
        return (string?)await command.ExecuteScalarAsync();
    }

    private Dictionary<string, string> ReadSecrets()
    {
        var file = Directory.GetFiles(_state, "parameters.json", SearchOption.AllDirectories).Single();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
    }

    // The native PostgreSQL runs as an unprivileged account, which must be able to reach its data directory.
    internal static string TraversableTempDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("deploy-e2e-").FullName;
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        return directory;
    }

    private static int Port(string url) => new Uri(url).Port;

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
