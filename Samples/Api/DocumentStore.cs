using System.Text.Json;
using Npgsql;
using StackExchange.Redis;

namespace Api;

/// <summary>Documents live in Postgres; reads are cached in Redis, as the JSON the endpoint returns, so a cache hit is
/// one Redis round trip and no serialisation.</summary>
public sealed class DocumentStore(NpgsqlDataSource database, IConnectionMultiplexer redis)
{
    /// <summary>How long a read stays cached. Documents never change, so expiry only bounds Redis memory.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a document; returns it with its id.</summary>
    public async Task<Document> AddAsync(string title, string text, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("INSERT INTO documents (title, body) VALUES ($1, $2) RETURNING id, created_at");
        command.Parameters.Add(new NpgsqlParameter { Value = title });
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Document(reader.GetInt64(0), title, text, reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>The document as JSON, from the cache when there; <c>null</c> JSON when it does not exist.</summary>
    public async Task<(string? Json, bool Cached)> GetJsonAsync(long id, CancellationToken cancellationToken)
    {
        var key = CacheKey(id);
        var cache = redis.GetDatabase();
        if (await cache.StringGetAsync(key) is { HasValue: true } cached)
            return (cached.ToString(), true);

        await using var command = database.CreateCommand("SELECT id, title, body, created_at FROM documents WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return (null, false);
        var document = new Document(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        var json = JsonSerializer.Serialize(document, Json);
        await cache.StringSetAsync(key, json, CacheLifetime);
        return (json, false);
    }

    /// <summary>How many documents exist and how many have been embedded.</summary>
    public async Task<Stats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM embeddings)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Stats(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The Redis key a document is cached under.</summary>
    public static string CacheKey(long id) => $"document:{id}";
}
