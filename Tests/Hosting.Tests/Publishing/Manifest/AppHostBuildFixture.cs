using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>Builds the reference AppHost once, so that tests can run it with <c>--no-build</c> the way a user regenerates
/// the manifest, and so the tools' own command lines (which build) find an up-to-date build.</summary>
public sealed class AppHostBuildFixture : IAsyncLifetime
{
    /// <summary>azd sets this to keep MSBuild worker nodes from holding the output pipes open (azd issue #9295); the tests
    /// read the pipes to the end, so they need it for every <c>dotnet</c> command too.</summary>
    public static IDictionary<string, string> DotnetEnvironment { get; } = new Dictionary<string, string>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    public static string AppHostDirectory => Path.Combine(RepoPaths.Root, "AppHost");

    public async ValueTask InitializeAsync()
    {
        var build = await CommandRunner.RunAsync("dotnet", ["build", "AppHost", "-nologo", "-v:q"], environment: DotnetEnvironment,
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, $"dotnet build AppHost failed:\n{build.All}");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs the built AppHost (<c>dotnet run --project AppHost --no-build -- ARGS</c>) from the repository root.</summary>
    public static Task<CommandRunner.Result> RunAppHostAsync(params string[] args) =>
        CommandRunner.RunAsync("dotnet", ["run", "--project", "AppHost", "--no-build", "--", .. args], environment: DotnetEnvironment);
}
