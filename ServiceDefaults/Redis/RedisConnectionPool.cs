using System.Collections.Concurrent;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>
/// A bounded set of connections. A command holds one connection exclusively for its round trip, which keeps
/// reply pairing trivial; throughput comes from many connections rather than pipelining on one.
/// </summary>
internal sealed class RedisConnectionPool : IAsyncDisposable
{
    private readonly RedisConnectionOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<RedisConnection> _idle = new();
    private long _generation;
    private volatile bool _disposed;

    public RedisConnectionPool(RedisConnectionOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PoolSize, 1, nameof(options));
        _options = options;
        _slots = new SemaphoreSlim(options.PoolSize, options.PoolSize);
    }

    /// <summary>Waits for a free slot and returns an idle connection or a freshly opened one.</summary>
    public async ValueTask<RedisConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var generation = Interlocked.Read(ref _generation);
            while (_idle.TryDequeue(out var idle))
            {
                if (!idle.IsBroken && idle.Generation == generation)
                {
                    return idle;
                }

                await idle.DisposeAsync();
            }

            return await RedisConnection.ConnectAsync(_options, generation, cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives a connection back; broken ones are closed and, if the failure was the transport, so are their idle siblings.</summary>
    public void Return(RedisConnection connection, bool transportFailed)
    {
        if (transportFailed)
        {
            // A reset usually means the server restarted: every idle socket of that age is dead too, and failing
            // one command per stale socket would surface the same outage many times.
            Interlocked.CompareExchange(ref _generation, connection.Generation + 1, connection.Generation);
        }

        if (connection.IsBroken || _disposed)
        {
            _ = connection.DisposeAsync().AsTask();
        }
        else
        {
            _idle.Enqueue(connection);
        }

        _slots.Release();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var idle))
        {
            await idle.DisposeAsync();
        }

        // The semaphore is left undisposed on purpose: commands still in flight release their slot on return.
    }
}
