using System.Diagnostics;

namespace Deploy.Hosting.Native;

/// <summary>A server process started in its own session (so a terminal's Ctrl+C reaches the AppHost only, which stops
/// servers after the resources that use them), optionally as an unprivileged account, with its output forwarded line by line.</summary>
internal sealed class NativeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _stopSignal;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NativeProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    /// <summary>The process id, which is also its process group id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends, for whatever reason.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts <paramref name="fileName"/>; <paramref name="standardInput"/>, when given, is written and closed
    /// (configuration with secrets goes that way, never on a command line other users can read).</summary>
    public static NativeProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, NativeUser? runAs,
        int stopSignal, Action<string> output, string? standardInput = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        if (runAs is not null)
        {
            // setpriv execs in place: the server keeps the pid (and process group) that setsid gave it.
            start.ArgumentList.Add("setpriv");
            foreach (var arg in SetprivArgs(runAs))
                start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add(fileName);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var native = new NativeProcess(process, stopSignal);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.Exited += (_, _) => native._exited.TrySetResult(SafeExitCode(process));
        if (!process.Start())
            throw new NativeLaunchException($"Could not start '{fileName}'.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
            process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        return native;
    }

    /// <summary>Runs a short command (initdb) to completion, as <paramref name="runAs"/> when given; returns its exit
    /// code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> args, NativeUser? runAs,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(runAs is null ? fileName : "setpriv")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (runAs is not null)
        {
            foreach (var arg in SetprivArgs(runAs))
                start.ArgumentList.Add(arg);
            start.ArgumentList.Add(fileName);
        }

        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new NativeLaunchException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    /// <summary>Sends the stop signal to the whole group, then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_exited.Task.IsCompleted)
            return;
        Posix.SignalGroup(Id, _stopSignal);
        if (await Task.WhenAny(_exited.Task, Task.Delay(grace)).ConfigureAwait(false) != _exited.Task)
        {
            Posix.SignalGroup(Id, Posix.SigKill);
            await Task.WhenAny(_exited.Task, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the whole group at once (<c>kill -9</c>, for tests and for the end of a failed start).</summary>
    public void Kill() => Posix.SignalGroup(Id, Posix.SigKill);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    private static IEnumerable<string> SetprivArgs(NativeUser user) =>
        [$"--reuid={user.Uid}", $"--regid={user.Gid}", "--clear-groups", "--"];

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
