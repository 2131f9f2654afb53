using Embeddings;
using Npgsql;

namespace Api;

/// <summary>Exact nearest-neighbour search over every embedded document, held in memory. Embeddings are written
/// once and never change, so the row count tells whether the copy is current; it is reloaded only when it grew.</summary>
public sealed class VectorIndex(NpgsqlDataSource database) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Entry[] _entries = [];

    /// <summary>The <paramref name="k"/> documents most similar to <paramref name="query"/>, best first, and how many were compared.</summary>
    public async Task<(IReadOnlyList<SearchHit> Hits, int Searched)> SearchAsync(float[] query, int k, CancellationToken cancellationToken)
    {
        var entries = await CurrentAsync(cancellationToken);
        // A bounded min-heap keeps the best k in O(n log k), without sorting every document.
        var best = new PriorityQueue<Entry, float>(k + 1);
        foreach (var entry in entries)
        {
            var score = Embedder.Similarity(query, entry.Vector);
            best.Enqueue(entry, score);
            if (best.Count > k)
                best.Dequeue();
        }

        var hits = new SearchHit[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var entry, out var score);
            hits[i] = new SearchHit(entry!.Id, entry.Title, MathF.Round(score, 6), entry.Snippet);
        }

        return (hits, entries.Length);
    }

    /// <inheritdoc />
    public void Dispose() => _reload.Dispose();

    private async Task<Entry[]> CurrentAsync(CancellationToken cancellationToken)
    {
        var count = await CountAsync(cancellationToken);
        if (_entries.Length == count)
            return _entries;

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_entries.Length != count)
                _entries = await LoadAsync(cancellationToken);
            return _entries;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM embeddings WHERE model = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = EmbeddingModel.Name });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<Entry[]> LoadAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT d.id, d.title, left(d.body, 160), e.vector FROM embeddings e JOIN documents d ON d.id = e.document_id WHERE e.model = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = EmbeddingModel.Name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<Entry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new Entry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<float[]>(3)));
        return [.. entries];
    }

    private sealed record Entry(long Id, string Title, string Snippet, float[] Vector);
}
