namespace Aspire.Hosting.ApplicationModel;

/// <summary>Adds environment variables when the resource is started (run) or written (publish).</summary>
public sealed class EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback) : IResourceAnnotation
{
    /// <summary>Creates an annotation from a synchronous callback.</summary>
    public EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback)
        : this(context => { callback(context); return Task.CompletedTask; })
    {
    }

    /// <summary>The callback.</summary>
    public Func<EnvironmentCallbackContext, Task> Callback { get; } = callback;
}

/// <summary>What an environment callback may read and fill in.</summary>
public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext, IResource resource,
    Dictionary<string, object>? environmentVariables = null, CancellationToken cancellationToken = default)
{
    /// <summary>Run or publish, and which publisher.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>The resource being configured.</summary>
    public IResource Resource { get; } = resource;

    /// <summary>Values: strings, or deferred values (<see cref="IValueProvider"/> + <see cref="IManifestExpressionProvider"/>).</summary>
    public Dictionary<string, object> EnvironmentVariables { get; } = environmentVariables ?? new(StringComparer.Ordinal);

    /// <summary>Cancelled when the application stops.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
