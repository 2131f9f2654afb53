using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.EndToEnd.Tests;

/// <summary>What the tests read about real processes: pids from resource snapshots, liveness and command lines from /proc.</summary>
public static class Processes
{
    /// <summary>The pid Aspire (<c>executable.pid</c>) or Deploy (<c>process.pid</c>) reports for a resource instance.</summary>
    public static int PidOf(ResourceEvent e)
    {
        var value = e.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "process.pid")?.Value;
        return value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => throw new InvalidOperationException($"Resource '{e.ResourceId}' reports no pid: {string.Join(", ", e.Snapshot.Properties.Select(p => p.Name))}"),
        };
    }

    public static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z');

    /// <summary>The command line of <paramref name="pid"/>, its arguments separated by spaces.</summary>
    public static string CommandLine(int pid) => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();

    /// <summary>Pids of every live process whose command line contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<int> Matching(string fragment) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId)
            .Where(pid =>
            {
                try
                {
                    return IsAlive(pid) && CommandLine(pid).Contains(fragment, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
            }),
    ];

    public static void Kill(int pid) => System.Diagnostics.Process.GetProcessById(pid).Kill();

    /// <summary>Waits until none of <paramref name="pids"/> is alive; returns those still alive after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<int>> WaitForExitAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var pending = pids.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && pending.Any(IsAlive))
            await Task.Delay(100);
        return [.. pending.Where(IsAlive)];
    }
}
