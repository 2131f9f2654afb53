using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native.Redis;

/// <summary>Runs an <c>AddRedis</c> server as a local <c>redis-server</c>, bound to 127.0.0.1, configured through its
/// standard input so the password never appears on a command line; snapshots only with a data volume.</summary>
internal sealed class RedisLauncher : INativeLauncher
{
    public IReadOnlyList<NativeBinary> Binaries { get; } = [new("redis-server", "redis-server", ["/usr/bin", "/usr/local/bin"])];

    public bool RefusesRoot => false;

    public int StopSignal => Posix.SigTerm;

    public bool CanLaunch(IResource resource) => resource is RedisResource;

    public bool IsDataMount(ContainerMountAnnotation mount) => mount.Target == "/data";

    public async Task<NativeProcess> StartAsync(NativeLaunch launch, CancellationToken cancellationToken)
    {
        var redis = (RedisResource)launch.Resource;
        DataDirectory.Prepare(launch.DataDirectory, launch.RunAs);
        var password = redis.PasswordParameter is { } parameter
            ? await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false)
            : null;
        string[] config =
        [
            $"port {launch.Port.ToString(CultureInfo.InvariantCulture)}",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize no",
            $"dir \"{launch.DataDirectory}\"",
            launch.IsPersistent ? "save 60 1" : "save \"\"",
            "appendonly no",
            password is null ? "" : $"requirepass \"{password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        ];
        return NativeProcess.Start(launch.Binaries["redis-server"], ["-"], launch.DataDirectory, launch.RunAs, StopSignal,
            line => launch.Logger.LogInformation("{Line}", line), standardInput: string.Join('\n', config) + "\n");
    }

    // Redis keeps no credentials in its data: the password is whatever this run configured.
    public Task VerifyAsync(NativeLaunch launch, CancellationToken cancellationToken) => Task.CompletedTask;
}
