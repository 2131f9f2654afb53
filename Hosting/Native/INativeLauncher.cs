using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native;

/// <summary>Runs one kind of server resource as a local process when no container engine answers, keeping the
/// container's contract (port, credentials, connection string), so the rest of the model cannot tell the difference.</summary>
/// <remarks>One launcher per resource kind; adding a kind means adding a launcher and listing it in <see cref="NativeLaunchers"/>.</remarks>
internal interface INativeLauncher
{
    /// <summary>Whether this launcher runs <paramref name="resource"/>.</summary>
    bool CanLaunch(IResource resource);

    /// <summary>The programs it needs, each with the Debian package that provides it.</summary>
    IReadOnlyList<NativeBinary> Binaries { get; }

    /// <summary>Whether a container mount is the server's data directory (a data volume or bind mount there is kept).</summary>
    bool IsDataMount(ContainerMountAnnotation mount);

    /// <summary>Whether the server refuses to run as root (it then runs as an unprivileged account when the AppHost is root).</summary>
    bool RefusesRoot { get; }

    /// <summary>The signal that stops the server cleanly and quickly.</summary>
    int StopSignal { get; }

    /// <summary>Prepares the data directory (initialising it on first use) and starts the server.</summary>
    Task<NativeProcess> StartAsync(NativeLaunch launch, CancellationToken cancellationToken);

    /// <summary>Checks the listening server with the resource's credentials; throws <see cref="NativeLaunchException"/>
    /// with the fix when they do not match the data it keeps.</summary>
    Task VerifyAsync(NativeLaunch launch, CancellationToken cancellationToken);
}

/// <summary>Everything a launcher needs for one start.</summary>
/// <param name="Resource">The server resource.</param>
/// <param name="Port">The loopback port to listen on.</param>
/// <param name="DataDirectory">Where the data lives.</param>
/// <param name="IsPersistent">Whether the data outlives the run (a data volume or bind mount).</param>
/// <param name="Binaries">Resolved paths of <see cref="INativeLauncher.Binaries"/>, by name.</param>
/// <param name="RunAs">The unprivileged account to run as when the AppHost is root, else null.</param>
/// <param name="Logger">The resource's console log.</param>
internal sealed record NativeLaunch(
    IResource Resource,
    int Port,
    string DataDirectory,
    bool IsPersistent,
    IReadOnlyDictionary<string, string> Binaries,
    NativeUser? RunAs,
    ILogger Logger);

/// <summary>The launchers Deploy ships.</summary>
internal static class NativeLaunchers
{
    public static IReadOnlyList<INativeLauncher> All { get; } = [new Postgres.PostgresLauncher(), new Redis.RedisLauncher()];

    public static INativeLauncher? For(IResource resource) => All.FirstOrDefault(l => l.CanLaunch(resource));
}
