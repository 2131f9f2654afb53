using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Native;

/// <summary>Chooses the runtime once per run, from <c>Deploy:Runtime</c> and, in auto mode, whether an engine answers.</summary>
internal static class RuntimeSelector
{
    public const string ConfigurationKey = "Deploy:Runtime";

    /// <summary>The runtime to use and why, or an error naming the key and its allowed values.</summary>
    public static (DeployRuntime Runtime, string Reason) Choose(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(configured) || configured.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return FindEngine() is { } engine
                ? (DeployRuntime.Container, $"'{engine} info' answered")
                : (DeployRuntime.Native, "no container engine answered 'docker info' or 'podman info'");
        }

        if (Enum.TryParse<DeployRuntime>(configured, ignoreCase: true, out var runtime) && Enum.IsDefined(runtime))
            return (runtime, $"{ConfigurationKey} is '{configured}'");
        throw new InvalidOperationException(
            $"Configuration '{ConfigurationKey}' is '{configured}', which is not a runtime. Fix: use auto, native or container.");
    }

    private static readonly string[] Engines = ["docker", "podman"];

    private static string? FindEngine() => Engines.FirstOrDefault(Answers);

    private static bool Answers(string engine)
    {
        try
        {
            var start = new ProcessStartInfo(engine) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("info");
            using var process = Process.Start(start);
            if (process is null)
                return false;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
