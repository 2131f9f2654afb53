using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Deploy.EndToEnd.Tests;

/// <summary>The reference application on real PostgreSQL and Redis processes, driven over HTTP.</summary>
public sealed class ReferenceAppTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _state = TraversableTempDirectory();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task ReferenceApp_ItemsFlow_StoresInPostgresCachesInRedisSurvivesCrashAndRestart()
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
            var created = await _http.PostAsJsonAsync($"{api}/items", new { name = "first item" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            Assert.Equal("miss", await CacheHeaderAsync($"{api}/items/{id}"));
            Assert.Equal("hit", await CacheHeaderAsync($"{api}/items/{id}"));

            // The row is in Postgres and the entry in Redis, asked directly.
            Assert.Equal("first item", await QueryNameAsync(Port(postgres), secrets["Parameters:postgres-password"], id));
            var cached = await RespProbe.GetAsync(Port(cache), secrets["Parameters:cache-password"], $"item:{id}");
            Assert.Contains("first item", cached, StringComparison.Ordinal);

            // A crash of the Api is noticed and it is restarted, serving again on the same URL.
            var linesBefore = appHost.Lines.Count;
            Process.GetProcessById(apiPid).Kill();
            var (restartedApi, newApiPid) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(30), skip: linesBefore);
            Assert.Equal(api, restartedApi);
            Assert.NotEqual(apiPid, newApiPid);
            Assert.Contains(appHost.Lines.Skip(linesBefore), l => l.Contains("api: Restarting restarts=1 exit=137", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync($"{api}/items/{id}")).StatusCode);

            children = [newApiPid, postgresPid, cachePid];
            var exitCode = await appHost.StopAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"The AppHost exited with {exitCode}:\n{string.Join('\n', appHost.Lines.TakeLast(20))}");
        }

        Assert.All(children, pid => Assert.False(IsAlive(pid), $"Process {pid} outlived the AppHost."));

        // Started again: the data volume kept the row.
        await using (var appHost = AppHostProcess.Start(_state))
        {
            await appHost.WaitForLineAsync("All resources are ready", StartTimeout);
            var (api, _) = await appHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5));
            var item = await _http.GetFromJsonAsync<JsonElement>($"{api}/items/{id}");
            Assert.Equal("first item", item.GetProperty("name").GetString());
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

    private static async Task<string?> QueryNameAsync(int port, string password, long id)
    {
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=docs;Pooling=false";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM items WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
        return (string?)await command.ExecuteScalarAsync();
    }

    private Dictionary<string, string> ReadSecrets()
    {
        var file = Directory.GetFiles(_state, "parameters.json", SearchOption.AllDirectories).Single();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
    }

    // The native PostgreSQL runs as an unprivileged account, which must be able to reach its data directory.
    private static string TraversableTempDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("deploy-e2e-").FullName;
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        return directory;
    }

    private static int Port(string url) => new Uri(url).Port;

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
