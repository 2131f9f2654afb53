using System.Diagnostics;
using System.Globalization;

namespace Deploy.Hosting.Orchestration;

/// <summary>A watchdog that outlives the AppHost: it is told every child's process group and, when the AppHost's end
/// of its stdin closes (normal exit, crash or SIGKILL alike), kills those groups.</summary>
internal sealed class ChildReaper : IDisposable
{
    // Ignores INT/TERM so a terminal's Ctrl+C (sent to the whole foreground group) leaves it to clean up last.
    private const string Script = "trap '' INT TERM HUP; pids=''; while read -r p; do pids=\"$pids $p\"; done; " +
        "for p in $pids; do kill -9 -- -$p 2>/dev/null; kill -9 $p 2>/dev/null; done";

    private readonly Process _process;

    public ChildReaper()
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child-process watchdog (sh).");
    }

    public void Watch(int processGroupId)
    {
        lock (_process)
        {
            _process.StandardInput.WriteLine(processGroupId.ToString(CultureInfo.InvariantCulture));
            _process.StandardInput.Flush();
        }
    }

    public void Dispose()
    {
        lock (_process)
            _process.StandardInput.Close();
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
