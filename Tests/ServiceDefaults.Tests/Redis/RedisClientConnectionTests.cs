using System.Diagnostics;
using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RedisClientConnectionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PingAsync_WrongPassword_ThrowsRedisExceptionWithServerText()
    {
        await using var client = redis.CreateClient(o => o with { Password = "not-the-password" });

        var ex = await Assert.ThrowsAsync<RedisException>(() => client.PingAsync(Ct));

        Assert.Equal("WRONGPASS", ex.ErrorCode);
        Assert.Contains("invalid username-password pair", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{redis.Port}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStringAsync_NoPasswordAgainstProtectedServer_ThrowsNoAuth()
    {
        await using var client = new RedisClient($"127.0.0.1:{redis.Port}");

        var ex = await Assert.ThrowsAsync<RedisException>(() => client.GetStringAsync("k", Ct));

        Assert.Equal("NOAUTH", ex.ErrorCode);
    }

    [Fact]
    public async Task PingAsync_NothingListening_ThrowsRedisConnectionExceptionNamingEndpoint()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var client = new RedisClient($"127.0.0.1:{port}");

        var ex = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync(Ct));

        Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ReplySlowerThanCommandTimeout_ThrowsTimeoutAndClientRecovers()
    {
        await using var client = redis.CreateClient(o => o with { CommandTimeout = TimeSpan.FromMilliseconds(200), PoolSize = 1 });
        var stopwatch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.ExecuteAsync(["BLPOP", "test:never:" + Guid.NewGuid(), "5"], Ct));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
        Assert.Contains("BLPOP", ex.Message, StringComparison.Ordinal);
        // The timed-out connection was discarded, so the single pool slot serves a fresh one.
        Assert.True(await client.PingAsync(Ct) > TimeSpan.Zero);
    }

    [Fact]
    public async Task Commands_ManyInParallel_EachGetsItsOwnValue()
    {
        var name = "par" + Guid.NewGuid().ToString("N")[..8];
        await using var client = redis.CreateClient(o => o with { PoolSize = 8, ClientName = name });
        var prefix = "test:par:" + Guid.NewGuid().ToString("N") + ":";

        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = Ct }, async (i, ct) =>
        {
            await client.SetStringAsync(prefix + i, "value-" + i, cancellationToken: ct);
            var read = await client.GetStringAsync(prefix + i, ct);
            Assert.Equal("value-" + i, read);
        });

        var check = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => client.GetStringAsync(prefix + i, Ct)));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => "value-" + i), check);
        var clients = (await client.ExecuteAsync(["CLIENT", "LIST"], Ct)).AsString()!;
        Assert.InRange(clients.Split('\n').Count(line => line.Contains($"name={name} ", StringComparison.Ordinal)), 1, 8);
    }

    [Fact]
    public async Task Commands_EmitActivitiesWithoutValuesOrPassword()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RedisTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var client = redis.CreateClient();
        var key = "test:trace:" + Guid.NewGuid().ToString("N");
        using var parent = new Activity("test-parent").Start();

        await client.SetStringAsync(key, "secret-value", cancellationToken: Ct);
        await Assert.ThrowsAsync<RedisException>(() => client.ExecuteAsync(["NOSUCHCOMMAND"], Ct));

        List<Activity> mine;
        lock (stopped)
        {
            mine = stopped.Where(a => a.TraceId == parent.TraceId).ToList();
        }

        var set = Assert.Single(mine, a => a.DisplayName == "SET");
        Assert.Equal(ActivityKind.Client, set.Kind);
        Assert.Equal("redis", set.GetTagItem("db.system"));
        Assert.Equal("SET", set.GetTagItem("db.operation"));
        Assert.Equal("127.0.0.1", set.GetTagItem("server.address"));
        Assert.Equal(redis.Port, set.GetTagItem("server.port"));
        var failed = Assert.Single(mine, a => a.DisplayName == "NOSUCHCOMMAND");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        var allTagText = string.Join(";", mine.SelectMany(a => a.TagObjects).Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain("secret-value", allTagText, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisServerFixture.Password, allTagText, StringComparison.Ordinal);
        Assert.DoesNotContain(key, allTagText, StringComparison.Ordinal);
    }
}
