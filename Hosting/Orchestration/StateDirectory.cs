using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Orchestration;

/// <summary>The per-AppHost state directory: generated secrets (owner-only) and data directories that outlive a run.</summary>
/// <remarks>Root's home is not traversable by the unprivileged account PostgreSQL runs as, so as root the state lives
/// under <c>/var/lib/deploy</c>. <c>DEPLOY_STATE_DIR</c> overrides the location.</remarks>
internal sealed class StateDirectory
{
    private const string ParametersFile = "parameters.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public StateDirectory(string appName, string appHostDirectory, string? overridePath = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory.ToLowerInvariant())))[..10];
        var root = overridePath ?? Environment.GetEnvironmentVariable("DEPLOY_STATE_DIR") ?? DefaultRoot();
        Path = System.IO.Path.Combine(root, $"{appName.ToLowerInvariant()}-{hash}");
        Directory.CreateDirectory(Path);
        // Traverse-only for others: the data directories inside belong to their own accounts with 0700.
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        TemporaryPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deploy-{appName.ToLowerInvariant()}-{Environment.ProcessId}");
    }

    public string Path { get; }

    /// <summary>Data of resources without a data volume; removed when the run stops.</summary>
    public string TemporaryPath { get; }

    public string VolumePath(string volumeName) => System.IO.Path.Combine(Path, "volumes", volumeName);

    public string TemporaryDataPath(string resourceName)
    {
        Directory.CreateDirectory(TemporaryPath);
        File.SetUnixFileMode(TemporaryPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        return System.IO.Path.Combine(TemporaryPath, resourceName);
    }

    public Dictionary<string, string> ReadParameters()
    {
        var file = System.IO.Path.Combine(Path, ParametersFile);
        return File.Exists(file)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
            : [];
    }

    public void WriteParameters(Dictionary<string, string> values)
    {
        var file = System.IO.Path.Combine(Path, ParametersFile);
        var temp = file + ".tmp";
        File.WriteAllText(temp, "");
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(temp, JsonSerializer.Serialize(values, Indented));
        File.Move(temp, file, overwrite: true);
    }

    public void RemoveTemporaryData()
    {
        if (Directory.Exists(TemporaryPath))
            Directory.Delete(TemporaryPath, recursive: true);
    }

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
