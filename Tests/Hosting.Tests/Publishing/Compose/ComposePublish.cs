using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Compose;
using Deploy.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Publishes a model with <c>AddDockerComposeEnvironment("compose")</c> through Aspire's real pipeline
/// (<c>--step publish-compose</c>) and reads back what it wrote.</summary>
internal static class ComposePublish
{
    public const string TargetName = "compose";

    /// <summary>What a publish wrote: the target's folder, every file by relative path, and every line it logged.</summary>
    public sealed record Published(string Directory, IReadOnlyDictionary<string, string> Files, string Log)
    {
        /// <summary>The Compose files written: compose.yaml and the override files.</summary>
        public IEnumerable<string> ComposeFiles => Files.Keys.Where(f => f.StartsWith("compose", StringComparison.Ordinal) && f.EndsWith(".yaml", StringComparison.Ordinal));
    }

    /// <summary>Publishes into <paramref name="outputPath"/> (the <c>--output-path</c>); the files land in <c>outputPath/compose</c>.</summary>
    public static async Task<Published> RunAsync(Action<IDistributedApplicationBuilder> declare, string outputPath,
        IDictionary<string, string?>? configuration = null, Action<IResourceBuilder<DockerComposeEnvironmentResource>>? target = null)
    {
        var log = new LogCapture();
        await PublishRun.RunAsync(builder =>
        {
            builder.Services.AddLogging(logging => logging.AddProvider(log));
            var compose = builder.AddDockerComposeEnvironment(TargetName);
            target?.Invoke(compose);
            declare(builder);
        }, outputPath, step: $"publish-{TargetName}", configuration: configuration);
        var directory = Path.Combine(outputPath, TargetName);
        return new(directory, ReadTree(directory), log.Text);
    }

    /// <summary>Every file below <paramref name="directory"/>, by forward-slash relative path.</summary>
    public static SortedDictionary<string, string> ReadTree(string directory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = File.ReadAllText(file);
        return files;
    }

    /// <summary>Keeps every message logged during the publish (to check what the user is told, and that no secret is).</summary>
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
