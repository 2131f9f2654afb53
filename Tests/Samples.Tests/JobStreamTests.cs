using System.Diagnostics;
using Api;
using Deploy.Samples.Tests.TestSupport;
using Embeddings;
using GpuWorker;
using StackExchange.Redis;

namespace Deploy.Samples.Tests;

/// <summary>The embedding queue end to end on a real Redis: the Api's producer, the workers' consumer group.</summary>
public sealed class JobStreamTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly EmbeddingQueue _queue = new(redis.Connection);
    private readonly JobStream _jobs = new(redis.Connection);

    public async ValueTask InitializeAsync() => await redis.FlushAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task EnqueueAsync_InsideRequestSpan_EntryCarriesDocumentIdAndTraceParent()
    {
        using var request = new Activity("POST /documents").SetIdFormat(ActivityIdFormat.W3C);
        request.TraceStateString = "vendor=1";
        request.Start();

        var id = await _queue.EnqueueAsync(42);
        request.Stop();

        var entry = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(EmbeddingJobs.Stream));
        Assert.Equal(id, entry.Id.ToString());
        Assert.Equal("42", entry[EmbeddingJobs.DocumentIdField].ToString());
        Assert.Equal(request.Id, entry[EmbeddingJobs.TraceParentField].ToString());
        Assert.Equal("vendor=1", entry[EmbeddingJobs.TraceStateField].ToString());
    }

    [Fact]
    public async Task EnqueueAsync_NoCurrentSpan_OnlyDocumentId()
    {
        Activity.Current = null;

        await _queue.EnqueueAsync(7);

        var entry = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(EmbeddingJobs.Stream));
        Assert.Equal([EmbeddingJobs.DocumentIdField], entry.Values.Select(v => v.Name.ToString()));
    }

    [Fact]
    public async Task JoinAsync_SecondReplicaAndEarlierJobs_JoinsAndReadsJobsQueuedBeforeTheGroup()
    {
        await _queue.EnqueueAsync(1);

        await _jobs.JoinAsync();
        await _jobs.JoinAsync();
        var entries = await _jobs.ReadNewAsync("worker-a", 32);

        Assert.Equal("1", Assert.Single(entries)[EmbeddingJobs.DocumentIdField].ToString());
    }

    [Fact]
    public async Task ReadNewAsync_MoreJobsThanBatch_SplitsBetweenConsumersWithoutOverlap()
    {
        await _jobs.JoinAsync();
        for (var i = 0; i < 40; i++)
            await _queue.EnqueueAsync(i);

        var first = await _jobs.ReadNewAsync("worker-a", 32);
        var second = await _jobs.ReadNewAsync("worker-b", 32);
        var none = await _jobs.ReadNewAsync("worker-a", 32);

        Assert.Equal(32, first.Length);
        Assert.Equal(8, second.Length);
        Assert.Empty(none);
        Assert.Empty(first.Select(e => e.Id).Intersect(second.Select(e => e.Id)));
    }

    [Fact]
    public async Task ClaimAbandonedAsync_JobIdleOnDeadConsumer_TakenOverOnlyAfterIdleTime()
    {
        await _jobs.JoinAsync();
        await _queue.EnqueueAsync(5);
        var delivered = Assert.Single(await _jobs.ReadNewAsync("dead-worker", 32));

        var early = await _jobs.ClaimAbandonedAsync("live-worker", TimeSpan.FromSeconds(10), StreamPosition.Beginning, 32);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var late = await _jobs.ClaimAbandonedAsync("live-worker", TimeSpan.FromMilliseconds(200), StreamPosition.Beginning, 32);

        Assert.Empty(early.ClaimedEntries);
        Assert.Equal(delivered.Id, Assert.Single(late.ClaimedEntries).Id);
        Assert.Equal("0-0", late.NextStartId.ToString());
        var pending = Assert.Single(await redis.Connection.GetDatabase().StreamPendingMessagesAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, 10, RedisValue.Null));
        Assert.Equal("live-worker", pending.ConsumerName.ToString());
    }

    [Fact]
    public async Task AcknowledgeAsync_ProcessedJobs_NeverClaimedAgain()
    {
        await _jobs.JoinAsync();
        await _queue.EnqueueAsync(9);
        var delivered = await _jobs.ReadNewAsync("worker-a", 32);

        var acknowledged = await _jobs.AcknowledgeAsync(delivered);
        var claimed = await _jobs.ClaimAbandonedAsync("worker-b", TimeSpan.Zero, StreamPosition.Beginning, 32);

        Assert.Equal(1, acknowledged);
        Assert.Empty(claimed.ClaimedEntries);
    }
}
