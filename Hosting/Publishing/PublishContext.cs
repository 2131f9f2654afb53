using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing;

/// <summary>What a publisher gets: the model, where to write, for which environment, and where to report.</summary>
/// <param name="Model">The validated model.</param>
/// <param name="Execution">Publish mode, with the publisher's name.</param>
/// <param name="OutputPath">Where to write: a staging directory (moved into place afterwards), or for single-file
/// publishers (<see cref="ISingleFilePublisher"/>) the staging file path.</param>
/// <param name="FinalOutputPath">Where the output will end up, for messages and relative paths.</param>
/// <param name="EnvironmentName">The environment asked for with <c>--environment</c>, if any.</param>
/// <param name="Output">Where to print next steps (stdout; never stderr, which aspirate treats as failure).</param>
public sealed record PublishContext(
    DistributedApplicationModel Model,
    DistributedApplicationExecutionContext Execution,
    string OutputPath,
    string FinalOutputPath,
    string? EnvironmentName,
    TextWriter Output)
{
    /// <summary>The AppHost's configuration, for publisher options (<c>Publish:*</c>) and parameter values; empty unless given.</summary>
    public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().Build();

    /// <summary>The resource's environment in publish mode: values stay unresolved (strings, expressions, endpoint
    /// references, parameters, connection string references) for the publisher to render.</summary>
    public async Task<IReadOnlyDictionary<string, object>> GetEnvironmentAsync(IResource resource, CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(Execution, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            await callback.Callback(context);
        return context.EnvironmentVariables;
    }

    /// <summary>The resource's arguments in publish mode, unresolved.</summary>
    public async Task<IReadOnlyList<object>> GetArgsAsync(IResource resource, CancellationToken cancellationToken)
    {
        var context = new CommandLineArgsCallbackContext(Execution, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
            await callback.Callback(context);
        return context.Args;
    }
}

/// <summary>A publisher whose output is one file (the manifest): <c>--output-path</c> may name the file itself.</summary>
public interface ISingleFilePublisher : IPublisher
{
    /// <summary>The file name used when <c>--output-path</c> names a directory.</summary>
    string DefaultFileName { get; }
}
