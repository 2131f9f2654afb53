using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Deploy.EndToEnd.Tests;

/// <summary>The built reference AppHost run as a real child process, as <c>./run.sh</c> runs it (http profile, dashboard
/// on), its console captured.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output => string.Join('\n', _lines);

    public static AppHostProcess Start(string stateDirectory)
    {
        var appHost = Path.GetDirectoryName(typeof(Projects.AppHost).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appHost, "AppHost.dll")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = appHost,
        };
        // What the AppHost's http launch profile sets, on free ports.
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://localhost:{FreePort()}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["Deploy__Runtime"] = "native";
        // Whatever the AppHost and DCP leave in the temp folder after kill -9 goes away with the test's state.
        start.Environment["TMPDIR"] = stateDirectory;
        start.Environment["Deploy__StateDirectory"] = stateDirectory;
        start.Environment["Parameters__api-key"] = ReferenceApp.ApiKey;
        return new AppHostProcess(Process.Start(start)!);
    }

    /// <summary>Waits for a console line matching <paramref name="pattern"/>; returns the match.</summary>
    public async Task<Match> WaitForLineAsync(string pattern, TimeSpan timeout)
    {
        var regex = new Regex(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (_lines.Select(l => regex.Match(l)).FirstOrDefault(m => m.Success) is { } match)
                return match;
            await Task.Delay(100);
        }

        throw new TimeoutException($"No console line matched /{pattern}/ (AppHost {(_process.HasExited ? "exited" : "still running")}):\n{string.Join('\n', _lines.TakeLast(80))}");
    }

    public void KillNine() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
