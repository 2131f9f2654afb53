using System.Globalization;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>
/// One socket to the server, used by one command at a time (the pool guarantees exclusivity), so a reply always
/// belongs to the command just written. Any transport failure or cancellation mid-command leaves the
/// request/reply pairing unknown, so the connection marks itself broken and is never reused.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private readonly CancellationTokenSource _timeout = new();

    private RedisConnection(TcpClient tcp, Stream stream, long generation)
    {
        _tcp = tcp;
        _stream = stream;
        Generation = generation;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        _writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>The pool generation this connection was opened in; older generations are discarded after a failure.</summary>
    public long Generation { get; }

    /// <summary>Set once the connection can no longer be trusted to pair requests with replies.</summary>
    public bool IsBroken { get; private set; }

    public static async Task<RedisConnection> ConnectAsync(RedisConnectionOptions options, long generation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var tcp = new TcpClient { NoDelay = true };
        RedisConnection? connection = null;
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = tcp.GetStream();
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions { TargetHost = options.SslHost ?? options.Host },
                    timeout.Token);
                stream = ssl;
            }

            connection = new RedisConnection(tcp, stream, generation);
            await connection.HandshakeAsync(options, options.ConnectTimeout, timeout.Token);
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync(connection, tcp);
            throw new TimeoutException(
                $"Connecting to Redis at {options.Host}:{options.Port} took longer than {options.ConnectTimeout.TotalMilliseconds:0} ms (connectTimeout).");
        }
        catch (SocketException ex)
        {
            await DisposeAsync(connection, tcp);
            throw new RedisConnectionException($"Could not connect to Redis at {options.Host}:{options.Port}: {ex.Message}", ex);
        }
        catch
        {
            await DisposeAsync(connection, tcp);
            throw;
        }
    }

    /// <summary>Sends one command and reads its reply. Error replies are returned, not thrown.</summary>
    public async ValueTask<RedisResult> ExecuteAsync(IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timeout.CancelAfter(timeout);
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _timeout)
            : default;
        try
        {
            RespWriter.WriteCommand(_writer, args);
            var flush = await _writer.FlushAsync(_timeout.Token);
            if (flush.IsCompleted)
            {
                throw new IOException("The Redis connection was closed while sending a command.");
            }

            var result = await ReadReplyAsync(_timeout.Token);
            if (!_timeout.TryReset())
            {
                // The timer fired after the reply arrived; the token is spent, so this connection is too.
                IsBroken = true;
            }

            return result;
        }
        catch
        {
            IsBroken = true;
            throw;
        }
    }

    private async ValueTask<RedisResult> ReadReplyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken);
            if (RespParser.TryParse(read.Buffer, out var result, out var consumed))
            {
                _reader.AdvanceTo(consumed);
                return result;
            }

            if (read.IsCompleted)
            {
                throw new IOException("The Redis server closed the connection before replying.");
            }

            _reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private async Task HandshakeAsync(RedisConnectionOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (options.Protocol == 3)
        {
            List<string> hello = ["HELLO", "3"];
            if (options.Password is not null)
            {
                hello.AddRange(["AUTH", options.User ?? "default", options.Password]);
            }

            await ExpectNoErrorAsync(hello, "HELLO", options, timeout, cancellationToken);
        }
        else if (options.Password is not null)
        {
            string[] auth = options.User is null ? ["AUTH", options.Password] : ["AUTH", options.User, options.Password];
            await ExpectNoErrorAsync(auth, "AUTH", options, timeout, cancellationToken);
        }

        if (options.Database != 0)
        {
            await ExpectNoErrorAsync(["SELECT", options.Database.ToString(CultureInfo.InvariantCulture)], "SELECT", options, timeout, cancellationToken);
        }

        if (options.ClientName is not null)
        {
            await ExpectNoErrorAsync(["CLIENT", "SETNAME", options.ClientName], "CLIENT SETNAME", options, timeout, cancellationToken);
        }
    }

    private async Task ExpectNoErrorAsync(IReadOnlyList<string> args, string step, RedisConnectionOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var reply = await ExecuteAsync(args, timeout, cancellationToken);
        if (reply.Type == RedisResultType.Error)
        {
            var serverText = reply.AsString() ?? string.Empty;
            var hint = step is "AUTH" or "HELLO"
                ? " Check the password (and user) in the connection string against the server's requirepass/ACL."
                : string.Empty;
            throw new RedisException($"Redis at {options.Host}:{options.Port} rejected {step} on connect: {serverText}.{hint}", serverText);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await _reader.CompleteAsync();
        await _writer.CompleteAsync();
        await _stream.DisposeAsync();
        _tcp.Dispose();
        _timeout.Dispose();
    }

    private static async ValueTask DisposeAsync(RedisConnection? connection, TcpClient tcp)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        else
        {
            tcp.Dispose();
        }
    }
}
