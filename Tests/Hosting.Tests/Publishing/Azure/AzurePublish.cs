using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Publishes a model to the Azure Container Apps target <c>aca</c> through Aspire's pipeline, into a fresh
/// directory at a fixed place inside the repository (ignored by git), so the relative paths in <c>azure.yaml</c> are the
/// same in every clone; the directory's random part reads <c>RUN</c> when rendered for golden files.</summary>
public sealed class AzurePublish : IDisposable
{
    public const string TargetName = "aca";

    private readonly string _run;

    private readonly LogCapture _log = new();

    private AzurePublish(string run) => _run = run;

    /// <summary>Where every run's directory goes.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "obj", "azure-tests");

    /// <summary>The <c>--output-path</c> of the run.</summary>
    public string OutputPath => Path.Combine(Root, _run);

    /// <summary>The target's output tree.</summary>
    public string Directory => Path.Combine(OutputPath, TargetName);

    /// <summary>Declares the target and <paramref name="define"/>'s model and publishes it with the target's own step.</summary>
    /// <param name="define">The model.</param>
    /// <param name="configuration">Configuration, as <c>--Key=Value</c> switches would give it.</param>
    public static async Task<AzurePublish> RunAsync(Action<IDistributedApplicationBuilder> define, IDictionary<string, string?>? configuration = null)
    {
        var publish = new AzurePublish(Guid.NewGuid().ToString("N"));
        try
        {
            await PublishRun.RunAsync(b =>
            {
                b.Services.AddLogging(logging => logging.AddProvider(publish._log));
                b.AddAzureContainerAppEnvironment(TargetName);
                define(b);
            }, publish.OutputPath, step: "publish-" + TargetName, configuration: Isolated(publish.OutputPath, configuration));
            return publish;
        }
        catch
        {
            publish.Dispose();
            throw;
        }
    }

    /// <summary><paramref name="configuration"/> plus an Aspire home inside <paramref name="directory"/>: Aspire's publish
    /// pipeline saves parameter values (secrets too) as deployment state under <c>~/.aspire/deployments</c> otherwise.</summary>
    public static Dictionary<string, string?> Isolated(string directory, IDictionary<string, string?>? configuration = null) =>
        new(configuration ?? new Dictionary<string, string?>()) { ["ASPIRE_HOME"] = Path.Combine(directory, "aspire-home") };

    /// <summary>What the AppHost logged while publishing (the next steps among it).</summary>
    public string Log => _log.Text;

    /// <summary>The tree as one text, with the run's random folder name replaced.</summary>
    public string Render() => AzureGolden.Render(Directory).Replace(_run, "RUN", StringComparison.Ordinal);

    /// <summary>A file of the output, by relative path.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Whether the output has that file.</summary>
    public bool Has(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <summary>Every file of the output tree.</summary>
    public IReadOnlyList<string> Files => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetFiles(Directory, "*", SearchOption.AllDirectories)
        : [];

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(OutputPath))
            System.IO.Directory.Delete(OutputPath, recursive: true);
    }
}
