using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Embeddings;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace GpuWorker;

/// <summary>Processes one batch of stream entries: read the texts, embed them in one projection call, store the
/// vectors (insert-if-absent, so a redelivered job changes nothing), then acknowledge. A crash anywhere before the
/// acknowledgement leaves the jobs pending, to be claimed by another worker.</summary>
public sealed class JobProcessor(NpgsqlDataSource database, JobStream stream, Embedder embedder, IOptions<WorkerOptions> options,
    ILogger<JobProcessor> logger)
{
    /// <summary>Trace source, named after the application so the service defaults export it.</summary>
    public static readonly ActivitySource Source = new("GpuWorker");

    private static readonly Meter Meter = new("GpuWorker");
    private static readonly Counter<long> Embedded = Meter.CreateCounter<long>("embedder.documents", "{document}", "Documents embedded and stored.");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("embedder.duplicates", "{document}", "Redelivered jobs whose document was already embedded.");

    /// <summary>Processes <paramref name="entries"/> for <paramref name="consumer"/>; returns how many vectors were newly stored.</summary>
    public async Task<int> ProcessAsync(IReadOnlyList<StreamEntry> entries, string consumer, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var jobs = new List<(StreamEntry Entry, long DocumentId, ActivityContext Parent)>(entries.Count);
        foreach (var entry in entries)
        {
            if (long.TryParse((string?)entry[EmbeddingJobs.DocumentIdField], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                jobs.Add((entry, id, ParentOf(entry)));
            else
                logger.LogWarning("Job {EntryId} has no valid {Field}; acknowledging it unprocessed.", entry.Id, EmbeddingJobs.DocumentIdField);
        }

        // One span for the batch, linked to every request that queued a job in it (OpenTelemetry's batch-consumer model).
        using var batch = Source.StartActivity("embed batch", ActivityKind.Consumer, default(ActivityContext),
            links: jobs.Where(j => j.Parent != default).Select(j => new ActivityLink(j.Parent)));
        batch?.SetTag("messaging.system", "redis");
        batch?.SetTag("messaging.batch.message_count", entries.Count);
        batch?.SetTag("embedder.device", embedder.Device);

        var texts = await LoadTextsAsync(jobs.Select(j => j.DocumentId).ToArray(), cancellationToken);
        var found = jobs.Where(j => texts.ContainsKey(j.DocumentId)).ToList();
        var vectors = embedder.EmbedBatch(found.Select(j => texts[j.DocumentId]).ToList());
        if (options.Value.BatchDelay > TimeSpan.Zero)
            await Task.Delay(options.Value.BatchDelay, cancellationToken);
        var inserted = await StoreAsync(found.Select(j => j.DocumentId).ToList(), vectors, consumer, cancellationToken);
        await stream.AcknowledgeAsync(entries);

        Embedded.Add(inserted);
        Duplicates.Add(found.Count - inserted);
        batch?.SetTag("embedder.inserted", inserted);
        foreach (var job in jobs)
            RecordJobSpan(job.Entry, job.DocumentId, job.Parent, started, texts.ContainsKey(job.DocumentId));
        Activity.Current = batch;
        if (found.Count < jobs.Count)
            logger.LogWarning("{Missing} job(s) named documents that no longer exist; acknowledged.", jobs.Count - found.Count);
        return inserted;
    }

    // A span per job, child of the request that queued it, so one trace runs from the web request to the stored vector.
    private static void RecordJobSpan(StreamEntry entry, long documentId, ActivityContext parent, DateTimeOffset started, bool found)
    {
        using var span = Source.StartActivity("embed document", ActivityKind.Consumer, parent, startTime: started);
        span?.SetTag("messaging.message.id", entry.Id.ToString());
        span?.SetTag("document.id", documentId);
        if (!found)
            span?.SetStatus(ActivityStatusCode.Error, "document not found");
    }

    private static ActivityContext ParentOf(StreamEntry entry) =>
        (string?)entry[EmbeddingJobs.TraceParentField] is { } traceParent
        && ActivityContext.TryParse(traceParent, (string?)entry[EmbeddingJobs.TraceStateField], isRemote: true, out var context)
            ? context
            : default;

    private async Task<Dictionary<long, string>> LoadTextsAsync(long[] ids, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<long, string>(ids.Length);
        if (ids.Length == 0)
            return texts;
        await using var command = database.CreateCommand("SELECT id, body FROM documents WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            texts[reader.GetInt64(0)] = reader.GetString(1);
        return texts;
    }

    private async Task<int> StoreAsync(List<long> ids, float[][] vectors, string consumer, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return 0;
        // One round trip, one implicit transaction: the batch is stored entirely or not at all.
        await using var batch = database.CreateBatch();
        for (var i = 0; i < ids.Count; i++)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO embeddings (document_id, model, vector, device, worker) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (document_id) DO NOTHING");
            command.Parameters.Add(new NpgsqlParameter { Value = ids[i] });
            command.Parameters.Add(new NpgsqlParameter { Value = EmbeddingModel.Name });
            command.Parameters.Add(new NpgsqlParameter { Value = vectors[i] });
            command.Parameters.Add(new NpgsqlParameter { Value = embedder.Device });
            command.Parameters.Add(new NpgsqlParameter { Value = consumer });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var inserted = 0;
        foreach (var command in batch.BatchCommands)
            inserted += command.RecordsAffected > 0 ? 1 : 0;
        return inserted;
    }
}
