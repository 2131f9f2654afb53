using Embeddings;
using StackExchange.Redis;

namespace GpuWorker;

/// <summary>The consumer side of the <see cref="EmbeddingJobs.Stream"/> stream, read through the
/// <see cref="EmbeddingJobs.Group"/> consumer group: each entry goes to one replica and stays pending until acknowledged.</summary>
public sealed class JobStream(IConnectionMultiplexer redis)
{
    private IDatabase Database => redis.GetDatabase();

    /// <summary>Creates the group (and the stream) unless another replica already did. It starts at id 0, so jobs
    /// queued before the first worker ever started are processed too.</summary>
    public async Task JoinAsync()
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists: joining it is the normal case for every replica but the first.
        }
    }

    /// <summary>Up to <paramref name="count"/> jobs never delivered to any consumer; empty when there are none.</summary>
    public Task<StreamEntry[]> ReadNewAsync(string consumer, int count) =>
        Database.StreamReadGroupAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, consumer, StreamPosition.NewMessages, count);

    /// <summary>Takes over (XAUTOCLAIM) up to <paramref name="count"/> jobs delivered to any consumer at least
    /// <paramref name="minIdle"/> ago and never acknowledged, scanning the pending list from <paramref name="start"/>.
    /// The result's <c>NextStartId</c> is <c>0-0</c> once the whole list was scanned.</summary>
    public Task<StreamAutoClaimResult> ClaimAbandonedAsync(string consumer, TimeSpan minIdle, RedisValue start, int count) =>
        Database.StreamAutoClaimAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, consumer, (long)minIdle.TotalMilliseconds, start, count);

    /// <summary>Marks jobs done, so no other consumer ever claims them.</summary>
    public Task<long> AcknowledgeAsync(IEnumerable<StreamEntry> entries) =>
        Database.StreamAcknowledgeAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, [.. entries.Select(e => e.Id)]);
}
