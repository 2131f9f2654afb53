using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RedisClientStringTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetStringAsync_ThenGet_ReturnsValueIncludingUnicode()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();

        await client.SetStringAsync(key, "h\u00e9llo, w\u00f6rld \U0001F600", cancellationToken: Ct);

        Assert.Equal("h\u00e9llo, w\u00f6rld \U0001F600", await client.GetStringAsync(key, Ct));
    }

    [Fact]
    public async Task GetStringAsync_MissingKey_ReturnsNull()
    {
        await using var client = redis.CreateClient();

        Assert.Null(await client.GetStringAsync(NewKey(), Ct));
    }

    [Fact]
    public async Task SetStringAsync_WithExpiry_SetsTtlAndExpires()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();

        await client.SetStringAsync(key, "v", TimeSpan.FromMilliseconds(800), Ct);
        var ttl = await client.TtlAsync(key, Ct);

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(800));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await client.GetStringAsync(key, Ct) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Null(await client.GetStringAsync(key, Ct));
        Assert.False(await client.ExistsAsync(key, Ct));
    }

    [Fact]
    public async Task TtlAsync_KeyWithoutExpiry_ReturnsNull()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();
        await client.SetStringAsync(key, "v", cancellationToken: Ct);

        Assert.Null(await client.TtlAsync(key, Ct));
        Assert.True(await client.ExistsAsync(key, Ct));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();
        await client.SetStringAsync(key, "v", cancellationToken: Ct);

        Assert.True(await client.DeleteAsync(key, Ct));
        Assert.False(await client.DeleteAsync(key, Ct));
    }

    [Fact]
    public async Task ExecuteAsync_Incr_ReturnsInteger()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();

        await client.ExecuteAsync(["INCR", key], Ct);
        var result = await client.ExecuteAsync(["INCRBY", key, "41"], Ct);

        Assert.Equal(RedisResultType.WholeNumber, result.Type);
        Assert.Equal(42, result.AsInt64());
    }

    [Fact]
    public async Task ExecuteAsync_WrongType_ThrowsRedisExceptionWithServerText()
    {
        await using var client = redis.CreateClient();
        var key = NewKey();
        await client.ExecuteAsync(["LPUSH", key, "a"], Ct);

        var ex = await Assert.ThrowsAsync<RedisException>(() => client.GetStringAsync(key, Ct));

        Assert.Equal("WRONGTYPE", ex.ErrorCode);
        Assert.Contains("wrong kind of value", ex.Message, StringComparison.Ordinal);
        // The connection stays usable after a server error.
        Assert.True(await client.PingAsync(Ct) > TimeSpan.Zero);
    }

    [Fact]
    public async Task PingAsync_Resp3Protocol_Works()
    {
        await using var client = redis.CreateClient(o => o with { Protocol = 3 });
        var key = NewKey();
        await client.SetStringAsync(key, "three", cancellationToken: Ct);

        Assert.True(await client.PingAsync(Ct) > TimeSpan.Zero);
        Assert.Equal("three", await client.GetStringAsync(key, Ct));
        var hash = await client.ExecuteAsync(["HSET", key + ":h", "f", "v"], Ct);
        Assert.Equal(1, hash.AsInt64());
        var map = await client.ExecuteAsync(["HGETALL", key + ":h"], Ct);
        Assert.Equal(RedisResultType.Map, map.Type);
        Assert.Equal(["f", "v"], map.Items.Select(i => i.AsString()));
    }

    [Fact]
    public async Task GetStringAsync_CancelledToken_ThrowsOperationCanceledAndClientRecovers()
    {
        await using var client = redis.CreateClient();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetStringAsync("k", cts.Token));
        Assert.True(await client.PingAsync(Ct) > TimeSpan.Zero);
    }

    [Fact]
    public async Task StreamReadGroupAsync_CancelledWhileBlocking_ThrowsOperationCanceled()
    {
        await using var client = redis.CreateClient();
        var stream = NewKey();
        await client.StreamCreateGroupAsync(stream, "g", cancellationToken: Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(200);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.StreamReadGroupAsync(stream, "g", "c", 1, Timeout.InfiniteTimeSpan, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal("v", await RoundTripAsync(client));
    }

    private static async Task<string?> RoundTripAsync(RedisClient client)
    {
        var key = NewKey();
        await client.SetStringAsync(key, "v", cancellationToken: Ct);
        return await client.GetStringAsync(key, Ct);
    }

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");
}
