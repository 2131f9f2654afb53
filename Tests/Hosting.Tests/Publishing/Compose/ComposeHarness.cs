using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Compose;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Publishes a test model with the Compose publisher into a fresh temporary directory.</summary>
public static class ComposeHarness
{
    /// <summary>Where the output "ends up" for relative paths: fixed, so build contexts in golden files do not depend on the temp directory.</summary>
    public const string FinalOutputPath = "/apps/TestApp/deploy/compose";

    /// <summary>What a publish wrote: the directory, every file by relative path, and what it printed.</summary>
    public sealed record Published(string Directory, IReadOnlyDictionary<string, string> Files, string Output)
    {
        /// <summary>The Compose files written: compose.yaml and the override files.</summary>
        public IEnumerable<string> ComposeFiles => Files.Keys.Where(f => f.StartsWith("compose", StringComparison.Ordinal) && f.EndsWith(".yaml", StringComparison.Ordinal));
    }

    public static async Task<Published> PublishAsync(DistributedApplicationBuilder builder, string? environment = null, string? directory = null)
    {
        var model = builder.Build().Model;
        var execution = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, "compose");

        // The test models must be valid models: what the publisher rejects must be its own rules, not the validator's.
        Assert.Empty(ModelValidator.Validate(model, execution));
        directory ??= System.IO.Directory.CreateTempSubdirectory("deploy-compose-").FullName;
        using var output = new StringWriter();
        var context = new PublishContext(model, execution, directory, FinalOutputPath, environment, output);
        await new ComposePublisher().PublishAsync(context, CancellationToken.None);
        return new(directory, ReadTree(directory), output.ToString());
    }

    /// <summary>Every file below <paramref name="directory"/>, by forward-slash relative path.</summary>
    public static SortedDictionary<string, string> ReadTree(string directory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = File.ReadAllText(file);
        return files;
    }
}
