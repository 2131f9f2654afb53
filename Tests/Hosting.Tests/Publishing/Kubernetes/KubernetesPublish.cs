using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kubernetes;
using Deploy.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Publishes a model to a Kubernetes target named <c>k8s</c> with Aspire's real pipeline (step
/// <c>publish-k8s</c>), into a fresh temporary directory that is removed on dispose.</summary>
public sealed class KubernetesPublish : IDisposable
{
    private readonly TestDirectory _root;

    private KubernetesPublish(TestDirectory root, string output)
    {
        _root = root;
        Output = output;
    }

    /// <summary>The target's output tree (<c>&lt;output-path&gt;/k8s</c>).</summary>
    public string Directory => _root.Combine("out", "k8s");

    /// <summary>Where the sample projects and the AppHost (<c>TestApp</c>) are.</summary>
    public string Apps => _root.Combine("apps");

    /// <summary>The output path given to the publish.</summary>
    public string OutputPath => _root.Combine("out");

    /// <summary>What the publish logged at Information level and above (the next steps).</summary>
    public string Output { get; }

    /// <summary>Declares <paramref name="define"/> beside a target <c>k8s</c> (configured by <paramref name="target"/>),
    /// and publishes it; <paramref name="configuration"/> is extra configuration (<c>--Key=Value</c>). Without
    /// <paramref name="appHostDirectory"/> the AppHost is <c>apps/TestApp</c> beside the sample projects of
    /// <see cref="KubernetesModels.WriteProjects"/>, in the same temporary directory.</summary>
    public static async Task<KubernetesPublish> RunAsync(Action<IDistributedApplicationBuilder> define,
        IDictionary<string, string?>? configuration = null, Action<IResourceBuilder<KubernetesEnvironmentResource>>? target = null,
        string? appHostDirectory = null)
    {
        var root = new TestDirectory("deploy-k8s");
        try
        {
            appHostDirectory ??= KubernetesModels.WriteProjects(root.Combine("apps"));
            var log = await RunIntoAsync(root.Combine("out"), define, configuration, target, appHostDirectory);
            return new KubernetesPublish(root, log);
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>Publishes into <paramref name="outputPath"/> (to re-publish over earlier output); returns the log.</summary>
    public static async Task<string> RunIntoAsync(string outputPath, Action<IDistributedApplicationBuilder> define,
        IDictionary<string, string?>? configuration, Action<IResourceBuilder<KubernetesEnvironmentResource>>? target, string appHostDirectory)
    {
        var log = new LogCapture();
        await PublishRun.RunAsync(builder =>
        {
            builder.Services.AddLogging(logging => logging.AddProvider(log));
            var k8s = builder.AddKubernetesEnvironment("k8s");
            target?.Invoke(k8s);
            define(builder);
        }, outputPath, step: "publish-k8s", appHostDirectory: appHostDirectory, configuration: configuration);
        return log.Text;
    }

    /// <summary>Publishes again into the same output (to test re-publishing over earlier output).</summary>
    public Task<string> RepublishAsync(Action<IDistributedApplicationBuilder> define, IDictionary<string, string?>? configuration = null) =>
        RunIntoAsync(OutputPath, define, configuration, null, _root.Combine("apps", "TestApp"));

    /// <summary>A file of the output, by relative path.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Whether the output has that file.</summary>
    public bool Has(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <inheritdoc />
    public void Dispose() => _root.Dispose();

    private sealed class LogCapture : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                _lines.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
