using System.Text.Json;
using Npgsql;

namespace Deploy.EndToEnd.Tests;

/// <summary>One reference application for the search tests, started once. Workers are slowed down (a simulated
/// 300 ms model per batch of 16) so a test can kill one with a batch in flight, and claim abandoned jobs after 4 s.</summary>
public sealed class SearchAppFixture : IAsyncLifetime
{
    private readonly string _state = ReferenceAppTests.TraversableTempDirectory();

    public AppHostProcess AppHost { get; private set; } = null!;

    public string Api { get; private set; } = "";

    public string Web { get; private set; } = "";

    public int RedisPort { get; private set; }

    public string RedisPassword { get; private set; } = "";

    public string Database { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        AppHost = AppHostProcess.Start(_state, new Dictionary<string, string>
        {
            ["Embedder__BatchSize"] = "16",
            ["Embedder__BatchDelay"] = "00:00:00.300",
            ["Embedder__ClaimIdle"] = "00:00:04",
            ["Embedder__ClaimInterval"] = "00:00:01",
        });
        await AppHost.WaitForLineAsync("All resources are ready", TimeSpan.FromSeconds(180));
        Api = (await AppHost.WaitForRunningAsync("api", TimeSpan.FromSeconds(5))).Url;
        Web = (await AppHost.WaitForRunningAsync("web", TimeSpan.FromSeconds(5))).Url;
        var postgres = new Uri((await AppHost.WaitForRunningAsync("postgres", TimeSpan.FromSeconds(5))).Url);
        RedisPort = new Uri((await AppHost.WaitForRunningAsync("cache", TimeSpan.FromSeconds(5))).Url).Port;
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Directory.GetFiles(_state, "parameters.json", SearchOption.AllDirectories).Single()))!;
        RedisPassword = secrets["Parameters:cache-password"];
        Database = $"Host=127.0.0.1;Port={postgres.Port};Username=postgres;Password={secrets["Parameters:postgres-password"]};Database=docs;Pooling=false";
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await AppHost.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
