using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deploy.EndToEnd.Tests;

/// <summary>The reference AppHost started for real as a child process, its console lines captured.</summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    /// <summary>The api-key the tests start the AppHost with (as configuration, overriding the development value).</summary>
    public const string ApiKey = "e2e-test-api-key";

    public static AppHostProcess Start(string stateDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var appHost = Path.Combine(Paths.Root, "AppHost", "bin", Paths.Configuration, "net10.0", "AppHost.dll");
        if (!File.Exists(appHost))
            throw new InvalidOperationException($"Build the AppHost first ('dotnet build AppHost'): {appHost} is missing.");
        var start = new ProcessStartInfo("dotnet", [appHost])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = Paths.Root,
        };
        start.Environment["DEPLOY_STATE_DIR"] = stateDirectory;
        start.Environment["DEPLOY_CONTAINER_RUNTIME"] = "native";
        start.Environment["Parameters__api-key"] = ApiKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return new AppHostProcess(Process.Start(start)!);
    }

    /// <summary>Waits for a console line matching <paramref name="pattern"/> after <paramref name="skip"/> lines; returns the match.</summary>
    public async Task<Match> WaitForLineAsync(string pattern, TimeSpan timeout, int skip = 0)
    {
        var regex = new Regex(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var line in Lines.Skip(skip))
            {
                var match = regex.Match(line);
                if (match.Success)
                    return match;
            }

            if (_process.HasExited)
                break;
            await Task.Delay(50);
        }

        var exit = _process.HasExited ? $"exited with code {_process.ExitCode}" : "still running";
        throw new TimeoutException($"No line matched /{pattern}/ in time (the AppHost {exit}). Output so far:\n{string.Join('\n', Lines)}");
    }

    public async Task<(string Url, int Pid)> WaitForRunningAsync(string resource, TimeSpan timeout, int skip = 0)
    {
        var match = await WaitForLineAsync($@" {resource}: Running \(Healthy\)(?: restarts=\d+)? (\S+) pid=(\d+)", timeout, skip);
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Ctrl+C's equivalent for a service manager: SIGTERM, then wait.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
