using System.Reflection;
using Aspire.Hosting;
using Deploy.Hosting.Cli;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing;

/// <summary>Publish mode: picks the publisher named on the command line, lets it write into a staging location, then
/// moves the result into place, so a failure never leaves partial output behind.</summary>
internal static class PublishCommand
{
    public static IReadOnlyList<IPublisher> Publishers { get; } = typeof(IPublisher).Assembly.GetTypes()
        .Where(t => typeof(IPublisher).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IPublisher)Activator.CreateInstance(t)!)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToList();

    public static async Task RunAsync(DistributedApplicationModel model, DistributedApplicationExecutionContext execution, AppHostArguments arguments,
        IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var name = execution.PublisherName ?? "manifest";
        if (name == "all")
        {
            foreach (var publisher in Publishers)
                await PublishAsync(publisher, model, arguments, Path.Combine(arguments.OutputPath ?? "deploy", publisher.Name), configuration, cancellationToken);
            return;
        }

        var chosen = Publishers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new DistributedApplicationException(
                $"Unknown publisher '{name}'. Choose one of: {string.Join(", ", Publishers.Select(p => p.Name).Append("all"))}.");
        await PublishAsync(chosen, model, arguments, arguments.OutputPath ?? chosen.DefaultOutputPath, configuration, cancellationToken);
    }

    private static async Task PublishAsync(IPublisher publisher, DistributedApplicationModel model, AppHostArguments arguments, string outputPath,
        IConfiguration? configuration, CancellationToken cancellationToken)
    {
        var execution = new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, publisher.Name);
        var final = Path.GetFullPath(outputPath);
        var singleFile = publisher as ISingleFilePublisher;
        if (singleFile is not null && (Directory.Exists(final) || !Path.HasExtension(final)))
            final = Path.Combine(final, singleFile.DefaultFileName);

        var parent = Path.GetDirectoryName(final) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException($"Cannot write to '{parent}': {e.Message} Choose a writable --output-path.");
        }

        var staging = Path.Combine(parent, $".{Path.GetFileName(final)}.staging-{Environment.ProcessId}");
        var context = new PublishContext(model, execution, staging, final, arguments.EnvironmentName, Console.Out)
        {
            Configuration = configuration ?? new ConfigurationBuilder().Build(),
        };
        try
        {
            await publisher.PublishAsync(context, cancellationToken);
            Replace(staging, final, singleFile is not null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DistributedApplicationException($"Cannot write '{final}': {e.Message} Choose a writable --output-path.");
        }
        finally
        {
            if (File.Exists(staging))
                File.Delete(staging);
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static void Replace(string staging, string final, bool isFile)
    {
        if (isFile)
        {
            File.Move(staging, final, overwrite: true);
            return;
        }

        // Files are moved over one by one: anything the user keeps beside the output (filled-in secret env files,
        // say) survives a re-publish.
        foreach (var file in Directory.GetFiles(staging, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(final, Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target, overwrite: true);
        }
    }
}
