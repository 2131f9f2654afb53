using System.Diagnostics;
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

    /// <summary>Up to <paramref name="count"/> jobs never delivered to any consumer; empty when there are none.
    /// Not traced: an idle pool would otherwise fill the trace store with a root span per poll.</summary>
    public Task<StreamEntry[]> ReadNewAsync(string consumer, int count) => UntracedAsync(database =>
        database.StreamReadGroupAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, consumer, StreamPosition.NewMessages, count));

    /// <summary>Takes over (XAUTOCLAIM) up to <paramref name="count"/> jobs delivered to any consumer at least
    /// <paramref name="minIdle"/> ago and never acknowledged, scanning the pending list from <paramref name="start"/>.
    /// The result's <c>NextStartId</c> is <c>0-0</c> once the whole list was scanned. Not traced, like a poll.</summary>
    public Task<StreamAutoClaimResult> ClaimAbandonedAsync(string consumer, TimeSpan minIdle, RedisValue start, int count) => UntracedAsync(database =>
        database.StreamAutoClaimAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, consumer, (long)minIdle.TotalMilliseconds, start, count));

    /// <summary>Marks jobs done, so no other consumer ever claims them.</summary>
    public Task<long> AcknowledgeAsync(IEnumerable<StreamEntry> entries) =>
        Database.StreamAcknowledgeAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, [.. entries.Select(e => e.Id)]);

    // The Redis instrumentation turns each command into a span after the fact, as a child of the Activity current when
    // it was sent; it has no public filter and ignores SuppressInstrumentationScope. A command sent under a parent that
    // is not recorded yields a span the default parent-based sampler drops. Being async, this method's Activity.Current
    // does not leak back into the caller.
    private async Task<T> UntracedAsync<T>(Func<IDatabase, Task<T>> command)
    {
        using var unrecorded = new Activity("untraced redis command");
        unrecorded.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        unrecorded.Start();
        return await command(Database);
    }
}
