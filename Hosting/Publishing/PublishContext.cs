using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Publishing;

/// <summary>What a target's publisher gets: the model, where to write, for which environment, and where to report.</summary>
/// <param name="Model">The application model, in publish mode.</param>
/// <param name="Execution">The publish execution context.</param>
/// <param name="OutputPath">A fresh staging directory to write into.</param>
/// <param name="FinalOutputPath">Where the output ends up, for messages and relative paths.</param>
/// <param name="AppHostDirectory">The AppHost project's directory (build contexts and relative paths start there).</param>
/// <param name="Configuration">The AppHost's configuration: target options and parameter values.</param>
/// <param name="Logger">Where to report next steps.</param>
internal sealed record PublishContext(
    DistributedApplicationModel Model,
    DistributedApplicationExecutionContext Execution,
    string OutputPath,
    string FinalOutputPath,
    string AppHostDirectory,
    IConfiguration Configuration,
    ILogger Logger)
{
    /// <summary>The cancellation of the publish run.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The resource's environment as publishing sees it: values stay unresolved (strings, expressions, endpoint
    /// references, parameters, connection string references) for the target to render in its own idiom.</summary>
    public async Task<IReadOnlyDictionary<string, object>> GetEnvironmentAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(Execution, resource, cancellationToken: CancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            await callback.Callback(context).ConfigureAwait(false);
        return context.EnvironmentVariables;
    }

    /// <summary>The resource's command-line arguments as publishing sees them, unresolved.</summary>
    public async Task<IReadOnlyList<object>> GetArgsAsync(IResource resource)
    {
        var args = new List<object>();
        var context = new CommandLineArgsCallbackContext(args, resource, CancellationToken) { ExecutionContext = Execution };
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
            await callback.Callback(context).ConfigureAwait(false);
        return args;
    }
}
