using System.Diagnostics;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Postgres;

/// <summary>Runs PostgreSQL as a local process: <c>initdb</c> on first use (SCRAM, the resource's password), bound to
/// 127.0.0.1, no Unix socket, stopped with SIGINT (fast shutdown).</summary>
internal sealed class PostgresNativeRecipe : INativeRecipe
{
    private static readonly string[] DebianDirectories = ["/usr/lib/postgresql/*/bin"];

    public IReadOnlyList<NativeBinary> Binaries { get; } =
    [
        new("initdb", "postgresql", DebianDirectories),
        new("postgres", "postgresql", DebianDirectories),
    ];

    public string DataMountTarget => PostgresContainerImageTags.DataDirectory;

    public async Task<NativeProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        var data = context.DataDirectory;
        PrepareDirectory(data, context.RunAs);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await InitializeAsync(context, cancellationToken);

        var args = new List<string>
        {
            "-D", data, "-p", context.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
        };
        return new NativeProcessSpec(context.Binaries["postgres"], args, data, context.RunAs, Posix.SigInt);
    }

    private static void PrepareDirectory(string directory, NativeUser? owner)
    {
        if (owner is not null)
            EnsureTraversable(directory, owner);
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (owner is not null)
            Posix.ChangeOwner(directory, owner);
    }

    // PostgreSQL refuses to run as root, so it runs as an unprivileged account that must be able to reach its data.
    private static void EnsureTraversable(string directory, NativeUser owner)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent) && (File.GetUnixFileMode(parent) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as '{owner.Name}' (it refuses root), and '{parent}' is not traversable by that account. " +
                    $"Run 'chmod o+x {parent}', or set DEPLOY_STATE_DIR to a directory other accounts can traverse.");
            }
        }
    }

    private static async Task InitializeAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        context.Log($"Initialising a new PostgreSQL data directory at {context.DataDirectory}.");
        var user = context.Environment.GetValueOrDefault("POSTGRES_USER", "postgres");
        var password = context.Environment.GetValueOrDefault("POSTGRES_PASSWORD")
            ?? throw new InvalidOperationException($"Resource '{context.ResourceName}' has no POSTGRES_PASSWORD to initialise PostgreSQL with.");

        // The password reaches initdb through a file only its owner can read, never the command line.
        var passwordFile = Path.Combine(Path.GetTempPath(), $"deploy-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (context.RunAs is not null)
            Posix.ChangeOwner(passwordFile, context.RunAs);
        try
        {
            string[] args =
            [
                "-D", context.DataDirectory, "-U", user, "--pwfile", passwordFile, "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions",
            ];
            var (exitCode, output) = await NativeCommand.RunAsync(context.Binaries["initdb"], args, context.RunAs, cancellationToken);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                context.Log(line);
            if (exitCode != 0)
                throw new InvalidOperationException($"initdb failed for resource '{context.ResourceName}' (exit code {exitCode}); see its console log.");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
