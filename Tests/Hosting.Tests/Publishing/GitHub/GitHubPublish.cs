using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.GitHub;
using Deploy.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>Publishes a model with <c>AddGitHubWorkflows("github")</c> through Aspire's real pipeline
/// (<c>--step publish-github</c>) and reads back the workflows and every line it logged.</summary>
internal static class GitHubPublish
{
    public const string TargetName = "github";

    public sealed record Published(string WorkflowsDirectory, IReadOnlyDictionary<string, string> Files, string Log)
    {
        public string AllText => string.Concat(Files.Values);
    }

    public static async Task<Published> RunAsync(Action<IDistributedApplicationBuilder> declare, string outputPath,
        IDictionary<string, string?>? configuration = null, Action<IDistributedApplicationBuilder, IResourceBuilder<GitHubWorkflowsResource>>? target = null)
    {
        var log = new LogCapture();
        // The tests' host is not an AppHost project: point at the reference AppHost, as its own publish would.
        var settings = new Dictionary<string, string?> { ["Deploy:GitHub:AppHostProject"] = Path.Combine(RepoPaths.Root, "AppHost", "AppHost.csproj") };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            settings[key] = value;
        await PublishRun.RunAsync(builder =>
        {
            builder.Services.AddLogging(logging => logging.AddProvider(log));
            var github = builder.AddGitHubWorkflows(TargetName);
            target?.Invoke(builder, github);
            declare(builder);
        }, outputPath, step: $"publish-{TargetName}", configuration: settings);
        var directory = Path.Combine(outputPath, TargetName, ".github", "workflows");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            files[Path.GetFileName(file)] = File.ReadAllText(file);
        return new(directory, files, log.Text);
    }

    /// <summary>Declares the registry parameter and hands it to the target, as the reference AppHost does.</summary>
    public static void WithRegistryParameter(IDistributedApplicationBuilder builder, IResourceBuilder<GitHubWorkflowsResource> github) =>
        github.WithRegistry(builder.AddParameter("registry"));

    /// <summary>Runs GitHub's own workflow parser over the folder.</summary>
    public static async Task AssertValidAsync(Published published)
    {
        var result = await CommandRunner.ValidateAsync("validate-workflow.mjs", published.WorkflowsDirectory);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"PASS - {published.Files.Count} checked", result.All, StringComparison.Ordinal);
    }

    private sealed class LogCapture : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));

        public void Dispose()
        {
        }
    }
}
