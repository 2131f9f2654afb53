using System.Globalization;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Redis;

/// <summary>Runs <c>redis-server</c> as a local process, configured by a file only its owner can read (the password
/// must not appear on a command line other users can see).</summary>
internal sealed class RedisNativeRecipe : INativeRecipe
{
    public IReadOnlyList<NativeBinary> Binaries { get; } = [new("redis-server", "redis-server", ["/usr/bin", "/usr/local/bin"])];

    public string DataMountTarget => RedisContainerImageTags.DataDirectory;

    public async Task<NativeProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(context.DataDirectory);
        File.SetUnixFileMode(context.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var persistent = context.Environment.ContainsKey(NativeEnvironment.PersistentDataVariable);
        var config = string.Join('\n',
            $"port {context.Port.ToString(CultureInfo.InvariantCulture)}",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize no",
            $"dir {context.DataDirectory}",
            persistent ? "save 60 1" : "save \"\"",
            "appendonly no",
            context.Environment.TryGetValue("REDIS_PASSWORD", out var password) ? $"requirepass \"{password}\"" : "");
        var file = Path.Combine(context.DataDirectory, "redis.conf");
        await File.WriteAllTextAsync(file, config + "\n", cancellationToken);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new NativeProcessSpec(context.Binaries["redis-server"], [file], context.DataDirectory, RunAs: null);
    }
}
