using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Deploy.EndToEnd.Tests;

/// <summary>The AppHost's command lines that azd, aspirate and CI use, run for real on the built AppHost.</summary>
public sealed partial class AppHostCommandLineTests
{
    private static string Root { get; } = FindRoot();

    [Fact]
    public async Task PublisherManifest_AzdAndAspirateForms_WriteAspiresManifestWithNothingOnStderr()
    {
        using var output = new TestState();
        var azdPath = Path.Combine(output.Path, "azd", "apphost-manifest.json");
        var azd = await RunAsync(Root, "dotnet", "run", "--project", "AppHost/AppHost.csproj", "--no-build", "--publisher", "manifest", "--output-path", azdPath);
        Assert.True(azd.ExitCode == 0, azd.Output);
        Assert.Equal("", azd.Error);

        var aspirate = await RunAsync(Path.Combine(Root, "AppHost"), "dotnet", "run", "--no-build", "--", "--publisher", "manifest",
            "--output-path", Path.Combine(output.Path, "manifest.json"));
        Assert.True(aspirate.ExitCode == 0, aspirate.Output);
        Assert.Equal("", aspirate.Error);

        var manifest = await File.ReadAllTextAsync(azdPath);
        Assert.Contains("\"type\": \"project.v0\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"image\": \"docker.io/library/postgres:", manifest, StringComparison.Ordinal);
        foreach (var written in new[] { azdPath, Path.Combine(output.Path, "manifest.json") })
        {
            var validation = await RunAsync(Root, "node", Path.Combine(Root, "..", "shared", "validate", "validate-manifest.mjs"), written);
            Assert.True(validation.ExitCode == 0, validation.Output + validation.Error);
        }
    }

    [Fact]
    public async Task CommittedManifest_IsWhatThePublisherWritesNow()
    {
        // Written beside the committed copy, so its project paths are relative to the same folder.
        var fresh = Path.Combine(Root, ".aspire-manifest.check.json");
        try
        {
            var run = await RunAsync(Path.Combine(Root, "AppHost"), "dotnet", "run", "--no-build", "--", "--publisher", "manifest", "--output-path", fresh);
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            // Only the volume name's hash of the AppHost's path may differ between clones.
            var committed = await File.ReadAllTextAsync(Path.Combine(Root, "aspire-manifest.json"));
            Assert.True(Normalise(committed) == Normalise(await File.ReadAllTextAsync(fresh)),
                "aspire-manifest.json is stale: regenerate it with 'cd AppHost && dotnet run -- --publisher manifest --output-path ../aspire-manifest.json'.");
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public async Task OperationPublish_StepPublish_WritesEveryDeclaredTargetIntoItsOwnFolder()
    {
        using var output = new TestState();
        var run = await RunAsync(Root, "dotnet", "run", "--project", "AppHost", "--no-build", "--", "--operation", "publish", "--step", "publish",
            "--output-path", output.Path);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);

        Assert.True(File.Exists(Path.Combine(output.Path, "k8s", "base", "kustomization.yaml")), run.Output);
        Assert.True(File.Exists(Path.Combine(output.Path, "compose", "compose.yaml")), run.Output);
        Assert.True(File.Exists(Path.Combine(output.Path, "aca", "azure.yaml")), run.Output);
        var everything = string.Concat(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("dev-only-api-key-not-a-secret", everything, StringComparison.Ordinal);
    }

    private static string Normalise(string manifest) => VolumeHash().Replace(manifest, "apphost-HASH-");

    [GeneratedRegex("apphost-[0-9a-f]{10}-")]
    private static partial Regex VolumeHash();

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Publishing state of Aspire (parameter values) stays out of the user's ~/.aspire.
        using var aspireHome = new TestState();
        start.Environment["ASPIRE_HOME"] = aspireHome.Path;
        // Aspire's pipeline leaves an empty temp folder per publish: keep it inside what this test removes.
        start.Environment["TMPDIR"] = aspireHome.Path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Deploy.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Deploy.sln not found above " + AppContext.BaseDirectory);
    }
}
