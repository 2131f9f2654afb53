using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RedisClientStreamTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamCreateGroupAsync_Twice_SecondReturnsFalse()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();

        Assert.True(await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct));
        Assert.False(await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct));
    }

    [Fact]
    public async Task StreamCreateGroupAsync_NoStreamWithoutMkStream_Throws()
    {
        await using var client = redis.CreateClient();

        var ex = await Assert.ThrowsAsync<RedisException>(
            () => client.StreamCreateGroupAsync(NewStream(), "g", mkStream: false, cancellationToken: Ct));

        Assert.Contains("MKSTREAM", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamReadGroupAsync_AfterAdd_ReturnsEntriesAndAckClearsPending()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "workers", cancellationToken: Ct);
        var id1 = await client.StreamAddAsync(stream, [new("job", "1"), new("doc", "a.txt")], Ct);
        var id2 = await client.StreamAddAsync(stream, [new("job", "2")], Ct);

        var entries = await client.StreamReadGroupAsync(stream, "workers", "c1", 10, cancellationToken: Ct);

        Assert.Equal([id1, id2], entries.Select(e => e.Id));
        Assert.Equal([new("job", "1"), new("doc", "a.txt")], entries[0].Fields);
        Assert.Equal("2", entries[1]["job"]);
        Assert.Equal(2, await client.StreamPendingCountAsync(stream, "workers", Ct));
        Assert.True(await client.StreamAckAsync(stream, "workers", id1, Ct));
        Assert.Equal(1, await client.StreamAckAsync(stream, "workers", [id1, id2], Ct));
        Assert.Equal(0, await client.StreamPendingCountAsync(stream, "workers", Ct));
    }

    [Fact]
    public async Task StreamReadGroupAsync_NothingNew_ReturnsEmptyAfterBlock()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var entries = await client.StreamReadGroupAsync(stream, "g", "c", 5, TimeSpan.FromMilliseconds(150), Ct);

        Assert.Empty(entries);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(100), $"returned after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task StreamReadGroupAsync_Blocking_WakesWhenEntryAdded()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "g", "$", cancellationToken: Ct);

        var read = client.StreamReadGroupAsync(stream, "g", "c", 5, TimeSpan.FromSeconds(10), Ct);
        await Task.Delay(100, Ct);
        var id = await client.StreamAddAsync(stream, [new("k", "v")], Ct);

        var entry = Assert.Single(await read.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        Assert.Equal(id, entry.Id);
    }

    [Fact]
    public async Task StreamAutoClaimAsync_OtherConsumersIdleEntries_ClaimsThem()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct);
        var id1 = await client.StreamAddAsync(stream, [new("n", "1")], Ct);
        var id2 = await client.StreamAddAsync(stream, [new("n", "2")], Ct);
        await client.StreamReadGroupAsync(stream, "g", "crashed-worker", 10, cancellationToken: Ct);

        var tooSoon = await client.StreamAutoClaimAsync(stream, "g", "rescuer", TimeSpan.FromSeconds(30), cancellationToken: Ct);
        await Task.Delay(120, Ct);
        var claimed = await client.StreamAutoClaimAsync(stream, "g", "rescuer", TimeSpan.FromMilliseconds(100), "0-0", 10, Ct);

        Assert.Empty(tooSoon.Entries);
        Assert.Equal([id1, id2], claimed.Entries.Select(e => e.Id));
        Assert.Equal("2", claimed.Entries[1]["n"]);
        Assert.Equal("0-0", claimed.NextStartId);
        Assert.Empty(claimed.DeletedIds);
        var owners = await client.ExecuteAsync(["XPENDING", stream, "g", "-", "+", "10"], Ct);
        Assert.All(owners.Items, item => Assert.Equal("rescuer", item.Items[1].AsString()));
        Assert.Equal(2, await client.StreamPendingCountAsync(stream, "g", Ct));
    }

    [Fact]
    public async Task StreamAutoClaimAsync_DeletedEntry_ReportsDeletedId()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct);
        var id = await client.StreamAddAsync(stream, [new("n", "1")], Ct);
        await client.StreamReadGroupAsync(stream, "g", "c1", 10, cancellationToken: Ct);
        await client.ExecuteAsync(["XDEL", stream, id], Ct);

        var claimed = await client.StreamAutoClaimAsync(stream, "g", "c2", TimeSpan.Zero, cancellationToken: Ct);

        Assert.Empty(claimed.Entries);
        Assert.Equal([id], claimed.DeletedIds);
    }

    [Fact]
    public async Task StreamReadGroupAsync_Resp3_ParsesMapReply()
    {
        await using var client = redis.CreateClient(o => o with { Protocol = 3 });
        var stream = NewStream();
        await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct);
        var id = await client.StreamAddAsync(stream, [new("a", "b")], Ct);

        var entry = Assert.Single(await client.StreamReadGroupAsync(stream, "g", "c", 10, cancellationToken: Ct));

        Assert.Equal(id, entry.Id);
        Assert.Equal("b", entry["a"]);
    }

    [Fact]
    public async Task StreamPendingCountAsync_UnknownGroup_ThrowsNoGroup()
    {
        await using var client = redis.CreateClient();
        var stream = NewStream();
        await client.StreamAddAsync(stream, [new("a", "b")], Ct);

        var ex = await Assert.ThrowsAsync<RedisException>(() => client.StreamPendingCountAsync(stream, "nope", Ct));

        Assert.Equal("NOGROUP", ex.ErrorCode);
    }

    private static string NewStream() => "test:stream:" + Guid.NewGuid().ToString("N");
}
