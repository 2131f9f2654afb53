using System.Diagnostics;

namespace Deploy.Hosting.Native;

/// <summary>Runs a short-lived helper command (initdb, say) to completion, optionally as another user.</summary>
internal static class NativeCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> args, NativeUser? runAs,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is not null)
        {
            start.FileName = "setpriv";
            foreach (var arg in UserSwitch.SetprivArgs(runAs))
                start.ArgumentList.Add(arg);
            start.ArgumentList.Add(fileName);
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>Drops root for a child process with util-linux's <c>setpriv</c>, which execs in place (no extra parent).</summary>
internal static class UserSwitch
{
    public static IEnumerable<string> SetprivArgs(NativeUser user) =>
        [$"--reuid={user.Uid}", $"--regid={user.Gid}", "--clear-groups", "--"];

    /// <summary>The account native infrastructure runs as when the AppHost is root (PostgreSQL refuses root).</summary>
    public static NativeUser? UnprivilegedUser() =>
        Posix.IsRoot ? Posix.FindUser("postgres") ?? Posix.FindUser("nobody") : null;
}
