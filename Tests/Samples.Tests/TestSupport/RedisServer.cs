using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace Deploy.Samples.Tests.TestSupport;

/// <summary>A real redis-server on a free loopback port, with a password and no persistence, in a temporary directory
/// removed on dispose. One per test class (<c>IClassFixture</c>); tests isolate themselves with <c>FLUSHALL</c>.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Password = "test-secret";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deploy-samples-redis-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>The same shape as the connection string the AppHost passes for a Redis resource (<c>ConnectionStrings__cache</c>).</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A connection for arranging and inspecting the server's state.</summary>
    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        // A free port can be taken by another process before redis-server binds it: then it exits, and we try another.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            Start(port);
            ConnectionString = $"127.0.0.1:{port},password={Password}";
            try
            {
                Connection = await ConnectWhenListeningAsync();
                return;
            }
            catch (RedisConnectionException) when (attempt < 3 && _process is { HasExited: true })
            {
                _process.Dispose();
            }
            catch (RedisConnectionException e)
            {
                throw new InvalidOperationException($"redis-server on port {port} did not accept connections. Its output:\n{Output()}", e);
            }
        }
    }

    /// <summary>Empties the server, so a test sees no stream or group another test left.</summary>
    public Task FlushAsync() => Connection.GetDatabase().ExecuteAsync("FLUSHALL");

    public async ValueTask DisposeAsync()
    {
        if (Connection is not null)
            await Connection.DisposeAsync();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Start(int port)
    {
        var start = new ProcessStartInfo("redis-server") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", _directory })
            start.ArgumentList.Add(arg);
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not on PATH; install it with 'apt-get install -y redis-server'.", e);
        }

        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    // Generous: on a loaded machine a fresh process can take seconds to listen.
    private async Task<ConnectionMultiplexer> ConnectWhenListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                // Long timeouts for this arranging connection only: FLUSHALL on a loaded machine must not flake.
                return await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",connectTimeout=10000,asyncTimeout=30000");
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(100);
            }
        }
    }

    private void Append(string? line)
    {
        lock (_log)
            _log.AppendLine(line);
    }

    private string Output()
    {
        lock (_log)
            return _log.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
