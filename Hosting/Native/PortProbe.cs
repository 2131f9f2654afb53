using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Deploy.Hosting.Native;

/// <summary>Loopback ports for native servers: a free one, whether a fixed one is taken, and by which process.</summary>
internal static class PortProbe
{
    private static readonly string[] TcpTables = ["/proc/net/tcp", "/proc/net/tcp6"];

    /// <summary>A port the OS says is free on 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether <paramref name="port"/> can be bound on 127.0.0.1.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>"name (pid N)" of the process listening on <paramref name="port"/>, from /proc; null when it cannot be found
    /// (another user's process, or not Linux).</summary>
    public static string? FindHolder(int port)
    {
        try
        {
            var inodes = ListeningInodes(port);
            if (inodes.Count == 0)
                return null;
            foreach (var proc in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(proc), out var pid))
                    continue;
                try
                {
                    foreach (var fd in Directory.EnumerateFiles(Path.Combine(proc, "fd")))
                    {
                        var target = new FileInfo(fd).LinkTarget;
                        if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                            return $"{File.ReadAllText(Path.Combine(proc, "comm")).Trim()} (pid {pid})";
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A process that ended or that we may not inspect.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in TcpTables.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is "ADDR:PORT"; state 0A is LISTEN.
                if (fields.Length > 9 && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal) && fields[3] == "0A")
                    inodes.Add(fields[9]);
            }
        }

        return inodes;
    }
}
