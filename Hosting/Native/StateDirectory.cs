using System.Security.Cryptography;
using System.Text;

namespace Deploy.Hosting.Native;

/// <summary>Where an AppHost's native servers keep their data: <c>volumes/&lt;volume name&gt;</c> for
/// <c>WithDataVolume</c> (kept across runs), and a per-run folder for the rest (removed on stop).</summary>
/// <remarks>As root the state lives under <c>/var/lib/deploy</c>, because root's home is not traversable by the
/// unprivileged account PostgreSQL runs as. <c>Deploy:StateDirectory</c> (or <c>DEPLOY_STATE_DIR</c>) overrides the root.</remarks>
internal sealed class StateDirectory
{
    private const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    // Others may only traverse: each data directory inside belongs to its server's account with mode 0700.
    private const UnixFileMode TraverseOnly = OwnerAll | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public StateDirectory(string appName, string appHostDirectory, string? root)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory)))[..10];
        var name = $"{DnsSafe(appName)}-{hash}";
        Path = System.IO.Path.Combine(root ?? DefaultRoot(), name);
        RunPath = System.IO.Path.Combine(Path, "runs", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The AppHost's state directory.</summary>
    public string Path { get; }

    /// <summary>Data of this run only; removed when it stops.</summary>
    public string RunPath { get; }

    /// <summary>The data directory of a named volume.</summary>
    public string VolumePath(string volumeName) => Create(System.IO.Path.Combine(Path, "volumes"), volumeName);

    /// <summary>A data directory that lives as long as this run.</summary>
    public string RunDataPath(string resourceName) => Create(RunPath, resourceName);

    /// <summary>Removes this run's temporary data, and that of earlier runs whose AppHost is gone.</summary>
    public void RemoveRunData()
    {
        var runs = System.IO.Path.Combine(Path, "runs");
        if (!Directory.Exists(runs))
            return;
        foreach (var run in Directory.GetDirectories(runs))
        {
            var pid = int.TryParse(System.IO.Path.GetFileName(run), out var value) ? value : 0;
            if (pid == Environment.ProcessId || !Directory.Exists($"/proc/{pid}"))
                Directory.Delete(run, recursive: true);
        }
    }

    private string Create(string parent, string child)
    {
        foreach (var directory in new[] { Path, System.IO.Path.GetDirectoryName(parent)!, parent })
        {
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, TraverseOnly);
        }

        return System.IO.Path.Combine(parent, child);
    }

    private static string DnsSafe(string name) =>
        new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private static string DefaultRoot()
    {
        if (Posix.IsRoot)
            return "/var/lib/deploy";
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        return string.IsNullOrEmpty(state)
            ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "deploy")
            : System.IO.Path.Combine(state, "deploy");
    }
}
