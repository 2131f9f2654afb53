using System.Diagnostics;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Runs a real command (node validators, dotnet, kubectl) and captures its output.</summary>
public static class CommandRunner
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string All => StandardOutput + StandardError;
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> args, string? workingDirectory = null, string? standardInput = null,
        IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
            await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish in time.");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs one of the independent validators in ../shared/validate (needs 'npm ci' there; the test script does it).</summary>
    public static Task<Result> ValidateAsync(string validator, params string[] args) =>
        RunAsync("node", [Path.Combine(RepoPaths.Validators, validator), .. args]);
}
