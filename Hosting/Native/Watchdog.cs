using System.Diagnostics;
using System.Globalization;

namespace Deploy.Hosting.Native;

/// <summary>A process that outlives the AppHost: it is told each native server's process group and kills those groups
/// when its standard input closes, which happens however the AppHost ends, <c>kill -9</c> included.</summary>
/// <remarks>DCP's own monitor covers only the processes DCP starts. The watchdog runs in its own session and ignores
/// INT, TERM and HUP, so a terminal's Ctrl+C leaves the orderly stop to the AppHost.</remarks>
internal sealed class Watchdog : IDisposable
{
    // "g N" lines name process groups (killed at once), "p N" lines processes asked to stop first (DCP, which then stops
    // what it runs). dash's own kill cannot signal a group, so /bin/kill does that.
    private const string Script = "trap '' INT TERM HUP; groups=''; pids=''; " +
        "while read -r kind id; do if [ \"$kind\" = g ]; then groups=\"$groups $id\"; else pids=\"$pids $id\"; fi; done; " +
        "for p in $pids; do kill -TERM $p 2>/dev/null; done; " +
        "for g in $groups; do /bin/kill -s KILL -- -$g 2>/dev/null || kill -9 $g 2>/dev/null; done; " +
        "sleep 5; for p in $pids; do kill -9 $p 2>/dev/null; done";

    private readonly Process _process;
    private bool _disposed;

    public Watchdog()
    {
        var start = new ProcessStartInfo("setsid") { RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "sh", "-c", Script })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the native servers' watchdog (setsid sh).");
    }

    /// <summary>Adds a process group to kill if the AppHost dies.</summary>
    public void Watch(int processGroupId) => Send($"g {processGroupId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Adds a process to stop (SIGTERM, then SIGKILL after 5 s) if the AppHost dies.</summary>
    public void WatchProcess(int processId) => Send($"p {processId.ToString(CultureInfo.InvariantCulture)}");

    private void Send(string line)
    {
        lock (_process)
        {
            if (_disposed)
                return;
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }
    }

    public void Dispose()
    {
        lock (_process)
        {
            if (_disposed)
                return;
            _disposed = true;
            _process.StandardInput.Close();
        }

        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
