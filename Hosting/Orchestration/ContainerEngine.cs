using System.Diagnostics;

namespace Deploy.Hosting.Orchestration;

/// <summary>Finds a container engine that answers (<c>docker info</c> / <c>podman info</c>), or none.</summary>
/// <remarks><c>DEPLOY_CONTAINER_RUNTIME</c> = <c>docker</c>, <c>podman</c> or <c>native</c> chooses explicitly.</remarks>
internal static class ContainerEngine
{
    public static async Task<string?> DetectAsync(CancellationToken cancellationToken)
    {
        var choice = Environment.GetEnvironmentVariable("DEPLOY_CONTAINER_RUNTIME")?.ToLowerInvariant();
        if (choice == "native")
            return null;
        foreach (var engine in choice is null ? ["docker", "podman"] : new[] { choice })
        {
            if (await AnswersAsync(engine, cancellationToken))
                return engine;
        }

        return null;
    }

    private static async Task<bool> AnswersAsync(string engine, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo(engine, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
                return false;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return false;
        }
    }
}
