using System.Diagnostics;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Orchestration;

/// <summary>One child process: started as the leader of its own session (so its whole tree can be signalled, and a
/// terminal's Ctrl+C reaches only the AppHost), its output captured line by line.</summary>
internal sealed class SupervisedProcess : IDisposable
{
    // Inherited from the AppHost but meaningful only to it.
    private static readonly string[] StrippedVariables = ["ASPNETCORE_URLS", "DOTNET_LAUNCH_PROFILE", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly ProcessLaunch _launch;
    // Taken at start: StopAsync may still be signalling and waiting when the supervisor disposes the Process (it does so
    // as soon as the process exits), and a disposed Process answers neither Id nor HasExited.
    private readonly Task _exited;

    private SupervisedProcess(Process process, ProcessLaunch launch)
    {
        _process = process;
        _launch = launch;
        Id = process.Id;
        _exited = process.WaitForExitAsync();
    }

    public int Id { get; }

    public static SupervisedProcess Start(ProcessLaunch launch, Action<string, bool> onLine)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (launch.RunAs is not null)
        {
            start.ArgumentList.Add("setpriv");
            foreach (var arg in UserSwitch.SetprivArgs(launch.RunAs))
                start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add(launch.FileName);
        foreach (var arg in launch.Args)
            start.ArgumentList.Add(arg);
        foreach (var name in StrippedVariables)
            start.Environment.Remove(name);
        foreach (var (name, value) in launch.Environment)
            start.Environment[name] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
        if (!process.Start())
            throw new InvalidOperationException($"Could not start '{launch.FileName}'.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SupervisedProcess(process, launch);
    }

    /// <summary>Waits for the process to exit; returns its exit code (128 + signal when killed).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _exited.WaitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Asks the process group to stop with the launch's signal, then kills it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_exited.IsCompleted)
        {
            Posix.SignalGroup(Id, Posix.SigKill);
            return;
        }

        // The leader gets the polite signal (Postgres's postmaster stops its own children); the group gets the kill.
        Posix.Signal(Id, _launch.StopSignal);
        await Task.WhenAny(_exited, Task.Delay(grace));
        Posix.SignalGroup(Id, Posix.SigKill);
        await _exited;
    }

    public void Dispose() => _process.Dispose();
}
