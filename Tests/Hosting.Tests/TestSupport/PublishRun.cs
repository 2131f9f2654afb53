using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Builds a model in publish mode, in process, and runs Aspire's pipeline up to one step, the way
/// <c>dotnet run --project AppHost -- --operation publish --step STEP --output-path DIR</c> does.</summary>
public static class PublishRun
{
    /// <summary>Runs <paramref name="step"/> (<c>publish</c> for every target) into <paramref name="outputPath"/>;
    /// throws <see cref="PublishFailedException"/> with every error the pipeline logged when it fails.</summary>
    /// <param name="configure">Declares the model, as an AppHost's Program.cs would.</param>
    /// <param name="outputPath">The <c>--output-path</c>.</param>
    /// <param name="step">The pipeline step.</param>
    /// <param name="appHostDirectory">The AppHost's directory (its content root), which relative paths start from.</param>
    /// <param name="configuration">Extra configuration, as <c>--Key=Value</c> switches would give it.</param>
    public static async Task RunAsync(Action<IDistributedApplicationBuilder> configure, string outputPath, string step = "publish",
        string? appHostDirectory = null, IDictionary<string, string?>? configuration = null)
    {
        var args = new List<string> { "--operation", "publish", "--step", step, "--output-path", outputPath };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            args.Add($"--{key}={value}");
        // Aspire keeps deployment state (parameter values included) under ASPIRE_HOME, ~/.aspire by default: give each
        // run its own, removed afterwards, so no test value outlives the test and no earlier run's state leaks in.
        using var aspireHome = configuration?.ContainsKey("ASPIRE_HOME") == true ? null : new TestDirectory("deploy-aspire-home");
        if (aspireHome is not null)
            args.Add($"--ASPIRE_HOME={aspireHome.Path}");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [.. args],
            DisableDashboard = true,
            ProjectDirectory = appHostDirectory ?? RepoPaths.Root,
        });
        var errors = new ErrorLog();
        builder.Services.AddLogging(logging => logging.AddProvider(errors));
        configure(builder);
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.RunAsync(timeout.Token);
        if (!errors.IsEmpty)
            throw new PublishFailedException(errors.Messages);
    }

    /// <summary>Keeps what the pipeline logs at Error level: Aspire reports a failed step that way.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

        public bool IsEmpty => _messages.IsEmpty;

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                _messages.Enqueue(exception is null ? formatter(state, null) : $"{formatter(state, exception)} {exception.Message}");
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>The publish pipeline failed; <see cref="Exception.Message"/> holds every error it logged.</summary>
public sealed class PublishFailedException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
