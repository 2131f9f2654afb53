using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

/// <summary>A real redis-server on a free loopback port with a password and no persistence, for one test class.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string Password = "test-secret-\u00e9";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deploy-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public RedisClient CreateClient(Func<RedisConnectionOptions, RedisConnectionOptions>? configure = null)
    {
        var options = RedisConnectionOptions.Parse(ConnectionString);
        return new RedisClient(configure is null ? options : configure(options));
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Port = FreePort();
        var executable = FindRedisServer();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--requirepass", Password, "--save", "", "--appendonly", "no", "--dir", _directory })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(50);
            }
        }
    }

    private static string FindRedisServer()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/local/bin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not on PATH; install it with 'apt-get install -y redis-server'.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
