using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.EndToEnd.Tests;

/// <summary>Which command DCP really launched for a project, read from /proc.</summary>
public sealed class FastStartTests
{
    [Fact]
    public async Task Project_Built_DcpLaunchesTheBuiltExecutable()
    {
        var commandLine = await LaunchedCommandLineAsync();

        Assert.StartsWith(Path.Combine(SampleProjects.Root, "Samples", "Web", "bin"), commandLine, StringComparison.Ordinal);
        Assert.DoesNotContain("run --project", commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FastStartOff_DcpLaunchesDotnetRun()
    {
        var commandLine = await LaunchedCommandLineAsync("--Deploy:FastStart=false");

        Assert.Contains("run --project " + SampleProjects.Web, commandLine, StringComparison.Ordinal);
    }

    private static async Task<string> LaunchedCommandLineAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = TestModel.Create(args);
        builder.AddDeploy();
        builder.AddProject("web", SampleProjects.Web).WithHttpEndpoint().WithHttpHealthCheck("/health");
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        var running = await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        return Processes.CommandLine(Processes.PidOf(running));
    }
}
