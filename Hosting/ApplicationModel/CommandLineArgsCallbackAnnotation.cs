namespace Aspire.Hosting.ApplicationModel;

/// <summary>Adds command-line arguments when the resource is started (run) or written (publish).</summary>
public sealed class CommandLineArgsCallbackAnnotation(Func<CommandLineArgsCallbackContext, Task> callback) : IResourceAnnotation
{
    /// <summary>Creates an annotation from a synchronous callback.</summary>
    public CommandLineArgsCallbackAnnotation(Action<List<object>> callback)
        : this(context => { callback(context.Args); return Task.CompletedTask; })
    {
    }

    /// <summary>The callback.</summary>
    public Func<CommandLineArgsCallbackContext, Task> Callback { get; } = callback;
}

/// <summary>What an argument callback may read and fill in.</summary>
public sealed class CommandLineArgsCallbackContext(DistributedApplicationExecutionContext executionContext, IResource resource,
    List<object>? args = null, CancellationToken cancellationToken = default)
{
    /// <summary>Run or publish, and which publisher.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>The resource being configured.</summary>
    public IResource Resource { get; } = resource;

    /// <summary>Arguments: strings, or deferred values.</summary>
    public List<object> Args { get; } = args ?? [];

    /// <summary>Cancelled when the application stops.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
