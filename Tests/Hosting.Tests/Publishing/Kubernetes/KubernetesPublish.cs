using Aspire.Hosting;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Kubernetes;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Runs the Kubernetes publisher on a small model, into a fresh temporary directory.</summary>
public sealed class KubernetesPublish : IDisposable
{
    private KubernetesPublish(string directory, string output)
    {
        Directory = directory;
        Output = output;
    }

    /// <summary>The output tree.</summary>
    public string Directory { get; }

    /// <summary>What the publish printed.</summary>
    public string Output { get; }

    /// <summary>Builds a model with <paramref name="define"/> and publishes it; <paramref name="args"/> are extra AppHost
    /// arguments (<c>--environment</c>, <c>--fill-secrets</c>, <c>--Publish:…=…</c>).</summary>
    public static async Task<KubernetesPublish> RunAsync(Action<IDistributedApplicationBuilder> define, params string[] args)
    {
        var directory = NewDirectory();
        try
        {
            return await RunIntoAsync(directory, define, args);
        }
        catch
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Publishes into an existing directory (to test re-publishing over earlier output).</summary>
    public static async Task<KubernetesPublish> RunIntoAsync(string directory, Action<IDistributedApplicationBuilder> define, params string[] args)
    {
        var builder = new DistributedApplicationBuilder(["--publisher", "kubernetes", .. args], TestModels.AppHostDirectory, "TestApp");
        define(builder);
        var model = builder.Build().Model;
        using var output = new StringWriter();
        var context = new PublishContext(model, new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, "kubernetes"),
            directory, directory, builder.Arguments.EnvironmentName, output) { Configuration = builder.Configuration };
        await new KubernetesPublisher().PublishAsync(context, CancellationToken.None);
        return new KubernetesPublish(directory, output.ToString());
    }

    /// <summary>A fresh empty directory.</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "deploy-k8s-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>A file of the output, by relative path.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary>Whether the output has that file.</summary>
    public bool Has(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

    /// <inheritdoc />
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
