using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Deploy.Hosting.Native.Postgres;

/// <summary>Runs an <c>AddPostgres</c> server as a local PostgreSQL: <c>initdb</c> on first use (SCRAM, the resource's
/// user and password parameters), bound to 127.0.0.1 without a Unix socket, stopped with SIGINT (fast shutdown: SIGTERM
/// would wait for every client to leave).</summary>
internal sealed class PostgresLauncher : INativeLauncher
{
    private static readonly string[] DebianDirectories = ["/usr/lib/postgresql/*/bin"];

    public IReadOnlyList<NativeBinary> Binaries { get; } =
    [
        new("initdb", "postgresql", DebianDirectories),
        new("postgres", "postgresql", DebianDirectories),
    ];

    public bool RefusesRoot => true;

    public int StopSignal => Posix.SigInt;

    public bool CanLaunch(IResource resource) => resource is PostgresServerResource;

    public bool IsDataMount(ContainerMountAnnotation mount) =>
        mount.Target.StartsWith("/var/lib/postgresql", StringComparison.Ordinal);

    public async Task<NativeProcess> StartAsync(NativeLaunch launch, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)launch.Resource;
        DataDirectory.Prepare(launch.DataDirectory, launch.RunAs);
        if (!File.Exists(Path.Combine(launch.DataDirectory, "PG_VERSION")))
            await InitializeAsync(server, launch, cancellationToken).ConfigureAwait(false);

        string[] args =
        [
            "-D", launch.DataDirectory, "-p", launch.Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
        ];
        return NativeProcess.Start(launch.Binaries["postgres"], args, launch.DataDirectory, launch.RunAs, StopSignal,
            line => launch.Logger.LogInformation("{Line}", line));
    }

    public async Task VerifyAsync(NativeLaunch launch, CancellationToken cancellationToken)
    {
        var server = (PostgresServerResource)launch.Resource;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = launch.Port, Database = "postgres", Timeout = 5, Pooling = false,
            Username = await UserAsync(server, cancellationToken).ConfigureAwait(false),
            Password = await server.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false),
        };
        // A restarted server accepts connections while it recovers ("the database system is starting up"): retry
        // until it takes logins, and fail only on what retrying cannot fix.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
            {
                var parameter = server.UserNameParameter is { } user && e.SqlState == PostgresErrorCodes.InvalidAuthorizationSpecification
                    ? user.Name : server.PasswordParameter.Name;
                throw new NativeLaunchException(
                    $"Resource '{server.Name}': the data volume at '{launch.DataDirectory}' was initialised with another value of parameter " +
                    $"'{parameter}', so PostgreSQL rejects the current one ({e.SqlState}: {e.MessageText}). " +
                    $"Fix: set Parameters:{parameter} back to the value the data was created with, or delete '{launch.DataDirectory}' to start empty.");
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < deadline)
            {
                launch.Logger.LogDebug("PostgreSQL is not taking logins yet: {Message}", e.Message);
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                throw new NativeLaunchException($"Resource '{server.Name}' accepts connections but not logins after 60 s: {e.Message}");
            }
        }
    }

    private static async Task InitializeAsync(PostgresServerResource server, NativeLaunch launch, CancellationToken cancellationToken)
    {
        launch.Logger.LogInformation("Initialising a new PostgreSQL data directory at {Directory}.", launch.DataDirectory);
        var user = await UserAsync(server, cancellationToken).ConfigureAwait(false);
        var password = await server.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NativeLaunchException($"Resource '{server.Name}': parameter '{server.PasswordParameter.Name}' has no value. Fix: set Parameters:{server.PasswordParameter.Name}.");

        // The password reaches initdb through a file only its owner can read, never a command line.
        var passwordFile = Path.Combine(Path.GetTempPath(), $"deploy-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, "", cancellationToken).ConfigureAwait(false);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        if (launch.RunAs is not null)
            Posix.ChangeOwner(passwordFile, launch.RunAs);
        try
        {
            string[] args =
            [
                "-D", launch.DataDirectory, "-U", user, "--pwfile", passwordFile, "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
            ];
            var (exitCode, output) = await NativeProcess.RunAsync(launch.Binaries["initdb"], args, launch.RunAs, cancellationToken).ConfigureAwait(false);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                launch.Logger.LogInformation("{Line}", line);
            if (exitCode != 0)
                throw new NativeLaunchException($"Resource '{server.Name}': initdb failed with exit code {exitCode}; its output is in the console log above.");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task<string> UserAsync(PostgresServerResource server, CancellationToken cancellationToken) =>
        server.UserNameParameter is { } user
            ? await user.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "postgres"
            : "postgres";
}
