using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>The reference AppHost driven for real, by the command lines azd and aspirate use and by the engine's own.</summary>
public sealed class ManifestCommandLineTests : IClassFixture<AppHostBuildFixture>, IDisposable
{
    private const string Regenerate = "dotnet run --project AppHost -- publish manifest --output-path .";

    private readonly string _output = Directory.CreateTempSubdirectory("deploy-manifest-cli-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task RepoManifest_RegeneratedFromAppHost_MatchesCommittedFile()
    {
        // Written beside the committed file: project paths are relative to the manifest's directory, so only a manifest in
        // the same directory can be byte-identical.
        var target = Path.Combine(RepoPaths.Root, $".aspire-manifest.check-{Guid.NewGuid():N}.json");
        try
        {
            var result = await AppHostBuildFixture.RunAppHostAsync("--publisher", "manifest", "--output-path", target);

            AssertSucceededQuietly(result);
            var committed = Path.Combine(RepoPaths.Root, "aspire-manifest.json");
            Assert.True(File.Exists(committed), $"aspire-manifest.json is missing at the repository root. Create it with: {Regenerate}");
            Assert.True(await File.ReadAllTextAsync(committed) == await File.ReadAllTextAsync(target),
                $"aspire-manifest.json at the repository root differs from what AppHost/Program.cs writes now. Regenerate it with: {Regenerate}");
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task AzdCommandLine_ReferenceAppHost_WritesValidManifestWithoutStderr()
    {
        var target = Path.Combine(_output, "apphost-manifest.json");
        var environment = new Dictionary<string, string>(AppHostBuildFixture.DotnetEnvironment) { ["ASPIRE_SUPPRESS_CLI_RUN_HOOK"] = "true" };

        var result = await CommandRunner.RunAsync("dotnet",
            ["run", "--project", "AppHost/AppHost.csproj", "--publisher", "manifest", "--output-path", target], environment: environment);

        AssertSucceededQuietly(result);
        await AssertValidAsync(target);
    }

    [Fact]
    public async Task AspirateCommandLine_InAppHostFolder_WritesValidManifestJsonWithoutStderr()
    {
        var target = Path.Combine(AppHostBuildFixture.AppHostDirectory, "manifest.json");
        File.Delete(target);
        try
        {
            var result = await CommandRunner.RunAsync("dotnet",
                ["run", "--project", Path.Combine(AppHostBuildFixture.AppHostDirectory, "AppHost.csproj"), "--", "--publisher", "manifest",
                    "--output-path", "manifest.json"],
                workingDirectory: AppHostBuildFixture.AppHostDirectory, environment: AppHostBuildFixture.DotnetEnvironment);

            AssertSucceededQuietly(result);
            await AssertValidAsync(target);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task MsbuildGetProperty_AppHost_PrintsIsAspireHostTrue()
    {
        var result = await CommandRunner.RunAsync("dotnet", ["msbuild", "AppHost", "--getProperty:IsAspireHost"],
            environment: AppHostBuildFixture.DotnetEnvironment);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("true", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task MsbuildAzdDetection_AppHost_ReportsAspireCapability()
    {
        var result = await CommandRunner.RunAsync("dotnet",
            ["msbuild", "AppHost.csproj", "--ignore:.sln", "--getProperty:IsAspireHost", "--getItem:ProjectCapability"],
            workingDirectory: AppHostBuildFixture.AppHostDirectory, environment: AppHostBuildFixture.DotnetEnvironment);

        Assert.True(result.ExitCode == 0, result.All);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("true", json.RootElement.GetProperty("Properties").GetProperty("IsAspireHost").GetString());
        Assert.Contains(json.RootElement.GetProperty("Items").GetProperty("ProjectCapability").EnumerateArray(),
            item => item.GetProperty("Identity").GetString() == "Aspire");
    }

    [Fact]
    public async Task UnknownPublisher_ReferenceAppHost_FailsOnStderrAndWritesNothing()
    {
        var result = await AppHostBuildFixture.RunAppHostAsync("--publisher", "nope", "--output-path", Path.Combine(_output, "m.json"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Unknown publisher 'nope'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("manifest", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_output));
    }

    [Fact]
    public async Task UnwritableOutputPath_ReferenceAppHost_FailsOnStderrAndWritesNothing()
    {
        // A file where a directory must be: fails even for root, whom permission bits do not stop.
        var blocker = Path.Combine(_output, "blocker");
        await File.WriteAllTextAsync(blocker, "keep");

        var result = await AppHostBuildFixture.RunAppHostAsync("--publisher", "manifest", "--output-path", Path.Combine(blocker, "out", "m.json"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--output-path", result.StandardError, StringComparison.Ordinal);
        Assert.Equal([blocker], Directory.GetFileSystemEntries(_output));
        Assert.Equal("keep", await File.ReadAllTextAsync(blocker));
    }

    [Fact]
    public async Task MissingOutputPathValue_ReferenceAppHost_FailsOnStderr()
    {
        var result = await AppHostBuildFixture.RunAppHostAsync("--publisher", "manifest", "--output-path");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'--output-path' needs a value", result.StandardError, StringComparison.Ordinal);
    }

    private static void AssertSucceededQuietly(CommandRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}:\n{result.All}");
        Assert.True(result.StandardError.Length == 0, $"Manifest mode wrote to stderr (aspirate aborts on that):\n{result.StandardError}");
    }

    private static async Task AssertValidAsync(string manifest)
    {
        var validation = await CommandRunner.ValidateAsync("validate-manifest.mjs", manifest);
        Assert.True(validation.ExitCode == 0, validation.All);
    }
}
