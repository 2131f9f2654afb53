using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Deploy.Samples.Tests.TestSupport;

/// <summary>A real PostgreSQL (the installed binaries) on a free loopback port, with its data directory in a temporary
/// folder removed on dispose; one per test run (an assembly fixture). PostgreSQL refuses to run as root, so every
/// command runs as the <c>postgres</c> account.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "deploy-samples-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string _binaries = FindBinaries();

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "log");

    /// <summary>The port it listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The connection string Aspire passes for database <paramref name="database"/> (<c>ConnectionStrings__docs</c>).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password=unused-with-trust;Database={database}";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await RunAsync("chown", "postgres:postgres", _directory);
        await RunAsPostgresAsync("initdb", "-D", DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        // A free port can be taken by another process before the server binds it: then it stops, and we try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start",
                    "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off");
                return;
            }
            catch (InvalidOperationException e)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no log)";
                if (attempt < 3 && log.Contains("could not bind", StringComparison.Ordinal))
                    continue;
                throw new InvalidOperationException($"{e.Message}\nServer log:\n{log}", e);
            }
        }
    }

    /// <summary>Creates an empty database.</summary>
    public Task CreateDatabaseAsync(string name) =>
        RunAsPostgresAsync("createdb", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", name);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private Task RunAsPostgresAsync(string tool, params string[] args) =>
        RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", Path.Combine(_binaries, tool), .. args]);

    private static async Task RunAsync(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{executable} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
    }

    private static string FindBinaries() =>
        Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderDescending().FirstOrDefault()
        ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql/*/bin; install postgresql.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
