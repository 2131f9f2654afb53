using Api;
using Deploy.ServiceDefaults.Redis;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("docs");
builder.AddRedisClient("cache");
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ItemStore>();

var app = builder.Build();
await app.Services.GetRequiredService<ItemStore>().EnsureSchemaAsync(app.Lifetime.ApplicationStopping);

app.MapDefaultEndpoints();
app.MapPost("/items", async (NewItem item, ItemStore store, CancellationToken ct) =>
{
    if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > 200)
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Name must be 1 to 200 characters."] });
    var created = await store.AddAsync(item.Name.Trim(), ct);
    return Results.Created($"/items/{created.Id}", created);
});
app.MapGet("/items/{id:long}", async (long id, ItemStore store, HttpResponse response, CancellationToken ct) =>
{
    var (item, cached) = await store.GetAsync(id, ct);
    response.Headers["X-Cache"] = cached ? "hit" : "miss";
    return item is null ? Results.NotFound() : Results.Ok(item);
});
app.MapGet("/", () => Results.Text("Deploy reference Api: POST /items, GET /items/{id}, /health, /alive"));

app.Run();

namespace Api
{
    /// <summary>A request to create an item.</summary>
    public sealed record NewItem(string Name);

    /// <summary>A stored item.</summary>
    public sealed record Item(long Id, string Name, DateTimeOffset CreatedAt);

    /// <summary>Items live in Postgres; reads are cached in Redis for a minute.</summary>
    public sealed class ItemStore(NpgsqlDataSource database, RedisClient cache)
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

        public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
        {
            await using var command = database.CreateCommand(
                "CREATE TABLE IF NOT EXISTS items (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task<Item> AddAsync(string name, CancellationToken cancellationToken)
        {
            await using var command = database.CreateCommand("INSERT INTO items (name) VALUES ($1) RETURNING id, created_at");
            command.Parameters.Add(new NpgsqlParameter { Value = name });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new Item(reader.GetInt64(0), name, reader.GetFieldValue<DateTimeOffset>(1));
        }

        public async Task<(Item? Item, bool Cached)> GetAsync(long id, CancellationToken cancellationToken)
        {
            var key = CacheKey(id);
            if (await cache.GetStringAsync(key, cancellationToken) is { } json)
                return (System.Text.Json.JsonSerializer.Deserialize<Item>(json, JsonDefaults.Web), true);

            await using var command = database.CreateCommand("SELECT id, name, created_at FROM items WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return (null, false);
            var item = new Item(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
            await cache.SetStringAsync(key, System.Text.Json.JsonSerializer.Serialize(item, JsonDefaults.Web), CacheLifetime, cancellationToken);
            return (item, false);
        }

        /// <summary>The Redis key an item is cached under.</summary>
        public static string CacheKey(long id) => $"item:{id}";
    }

    internal static class JsonDefaults
    {
        public static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);
    }
}
