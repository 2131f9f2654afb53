using Aspire.Hosting;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Azure;
using Deploy.Hosting.Tests.Publishing.Kubernetes;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Runs the Azure publisher on a small model, into a fresh directory at a fixed depth.</summary>
/// <remarks>azure.yaml holds paths relative to the output, so the directory's random part is replaced by <c>RUN</c>
/// when the tree is rendered for golden files.</remarks>
public sealed class AzurePublish : IDisposable
{
    public const string Root = "/tmp/deploy-azure-tests";

    private readonly string _run;

    private AzurePublish(string run, string output)
    {
        _run = run;
        Output = output;
    }

    /// <summary>The output tree.</summary>
    public string Directory => Path.Combine(Root, _run);

    /// <summary>What the publish printed.</summary>
    public string Output { get; }

    /// <summary>Builds a model with <paramref name="define"/> and publishes it; <paramref name="args"/> are extra AppHost arguments.</summary>
    public static async Task<AzurePublish> RunAsync(Action<IDistributedApplicationBuilder> define, params string[] args)
    {
        var run = Guid.NewGuid().ToString("N");
        var directory = Path.Combine(Root, run);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            var builder = new DistributedApplicationBuilder(["--publisher", "azure", .. args], TestModels.AppHostDirectory, "TestApp");
            define(builder);
            var model = builder.Build().Model;
            using var output = new StringWriter();
            var context = new PublishContext(model, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, "azure"),
                directory, directory, builder.Arguments.EnvironmentName, output) { Configuration = builder.Configuration };
            await new AzurePublisher().PublishAsync(context, CancellationToken.None);
            return new AzurePublish(run, output.ToString());
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The tree as one text, with the run's random folder name replaced.</summary>
    public string Render() => GoldenTree.Render(Directory).Replace(_run, "RUN", StringComparison.Ordinal);

    /// <summary>A file of the output, by relative path.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Whether the output has that file.</summary>
    public bool Has(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
