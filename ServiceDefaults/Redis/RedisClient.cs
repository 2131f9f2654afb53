using System.Globalization;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>
/// A small, pooled, fully asynchronous Redis client (RESP2, RESP3-tolerant). Thread-safe; register it as a singleton.
/// Each command borrows one pooled connection for its round trip and is traced on the <c>Deploy.Redis</c> ActivitySource.
/// </summary>
public sealed partial class RedisClient : IAsyncDisposable
{
    private readonly RedisConnectionPool _pool;

    /// <summary>Creates a client; no connection is opened until the first command.</summary>
    public RedisClient(RedisConnectionOptions options)
    {
        Options = options;
        _pool = new RedisConnectionPool(options);
    }

    /// <summary>Creates a client from a StackExchange.Redis-style connection string.</summary>
    /// <exception cref="FormatException">The connection string is malformed.</exception>
    public RedisClient(string connectionString)
        : this(RedisConnectionOptions.Parse(connectionString))
    {
    }

    /// <summary>The options this client connects with.</summary>
    public RedisConnectionOptions Options { get; }

    /// <summary>Sends PING and returns the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await ExecuteCoreAsync(["PING"], null, cancellationToken);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <summary>GET: the string value of <paramref name="key"/>, or <c>null</c> if it does not exist.</summary>
    public async Task<string?> GetStringAsync(string key, CancellationToken cancellationToken = default) =>
        (await ExecuteCoreAsync(["GET", key], null, cancellationToken)).AsString();

    /// <summary>SET with an optional expiry (millisecond precision).</summary>
    public async Task SetStringAsync(string key, string value, TimeSpan? expiry = null, CancellationToken cancellationToken = default)
    {
        if (expiry is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromMilliseconds(1), nameof(expiry));
            await ExecuteCoreAsync(["SET", key, value, "PX", Milliseconds(ttl)], null, cancellationToken);
        }
        else
        {
            await ExecuteCoreAsync(["SET", key, value], null, cancellationToken);
        }
    }

    /// <summary>DEL: true if the key existed and was removed.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        (await ExecuteCoreAsync(["DEL", key], null, cancellationToken)).AsInt64() > 0;

    /// <summary>EXISTS: true if the key exists.</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        (await ExecuteCoreAsync(["EXISTS", key], null, cancellationToken)).AsInt64() > 0;

    /// <summary>PTTL: the remaining time to live, or <c>null</c> if the key does not exist or has no expiry.</summary>
    public async Task<TimeSpan?> TtlAsync(string key, CancellationToken cancellationToken = default)
    {
        var milliseconds = (await ExecuteCoreAsync(["PTTL", key], null, cancellationToken)).AsInt64();
        return milliseconds < 0 ? null : TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>Runs any command, e.g. <c>ExecuteAsync("INCR", "counter")</c>.</summary>
    /// <exception cref="RedisException">The server replied with an error.</exception>
    public Task<RedisResult> ExecuteAsync(params string[] args) => ExecuteAsync(args, CancellationToken.None);

    /// <summary>Runs any command with cancellation.</summary>
    /// <exception cref="RedisException">The server replied with an error.</exception>
    public Task<RedisResult> ExecuteAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(args.Length, nameof(args));
        return ExecuteCoreAsync(args, null, cancellationToken);
    }

    /// <summary>Closes every pooled connection.</summary>
    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    /// <summary>
    /// The single path every command takes: borrow a connection, trace, send, read, translate failures.
    /// <paramref name="extraTimeout"/> lengthens the reply timeout for blocking commands (infinite = no timeout).
    /// </summary>
    private async Task<RedisResult> ExecuteCoreAsync(string[] args, TimeSpan? extraTimeout, CancellationToken cancellationToken)
    {
        using var activity = RedisTelemetry.StartCommand(args[0], Options);
        try
        {
            var timeout = extraTimeout switch
            {
                null => Options.CommandTimeout,
                { } extra when extra == Timeout.InfiniteTimeSpan => Timeout.InfiniteTimeSpan,
                { } extra => Options.CommandTimeout + extra,
            };
            var result = await SendAsync(args, timeout, cancellationToken);
            return result.Type == RedisResultType.Error
                ? throw new RedisException(result.AsString() ?? "ERR")
                : result;
        }
        catch (Exception ex)
        {
            RedisTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    private async Task<RedisResult> SendAsync(string[] args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await _pool.RentAsync(cancellationToken);
        var transportFailed = false;
        try
        {
            return await connection.ExecuteAsync(args, timeout, cancellationToken);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Surface the caller's own token, not the connection's internal timeout source.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"Redis at {Options.Host}:{Options.Port} did not answer {args[0].ToUpperInvariant()} within {timeout.TotalMilliseconds:0} ms (asyncTimeout).");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidDataException)
        {
            transportFailed = true;
            throw new RedisConnectionException(
                $"The connection to Redis at {Options.Host}:{Options.Port} failed during {args[0].ToUpperInvariant()}: {ex.Message}", ex);
        }
        finally
        {
            _pool.Return(connection, transportFailed);
        }
    }

    private static string Milliseconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
