namespace Aspire.Hosting.ApplicationModel;

/// <summary>The managed Azure services a resource can be published as instead of a container app.</summary>
public enum AzureManagedServiceKind
{
    /// <summary>Azure Database for PostgreSQL flexible server.</summary>
    PostgresFlexibleServer,

    /// <summary>Azure Cache for Redis.</summary>
    Redis,
}

/// <summary>Publish the resource as a managed Azure service (<c>publish azure</c> only; other targets ignore it).</summary>
/// <remarks>The resource's own Add* method knows what the service needs and says it here, so the Azure publisher reads
/// only this annotation and never the resource's type. Consumers' connection strings are rendered from
/// <see cref="ConnectionString"/> in place of the resource's own expression.</remarks>
/// <param name="Kind">Which managed service.</param>
/// <param name="ConnectionString">The connection string consumers get, built from <see cref="AzureManagedOutput"/> and
/// <see cref="AzureManagedKey"/> values (known only once the service exists) and the model's parameters.</param>
public sealed record AzureManagedServiceAnnotation(AzureManagedServiceKind Kind, ReferenceExpression ConnectionString) : IResourceAnnotation
{
    /// <summary>The administrator login (a string or a <see cref="ParameterResource"/>), where the service takes one.</summary>
    public object? AdministratorLogin { get; init; }

    /// <summary>The administrator password parameter, where the service takes one (a <c>@secure()</c> parameter).</summary>
    public ParameterResource? AdministratorPassword { get; init; }

    /// <summary>Databases to create on the service, read when publishing (they may be added after the opt-in).</summary>
    public Func<IReadOnlyList<string>> Databases { get; init; } = () => [];

    /// <summary>The server version to provision (e.g. PostgreSQL's major version), or null for the module's default.</summary>
    public string? Version { get; init; }
}

/// <summary>An output of a managed service's module (its host name, say), usable in <see cref="ReferenceExpression"/>s.</summary>
/// <param name="Resource">The resource published as a managed service.</param>
/// <param name="Output">The module output's name, e.g. <c>hostName</c>.</param>
public sealed record AzureManagedOutput(IResource Resource, string Output) : IValueProvider, IManifestExpressionProvider, IValueWithReferences
{
    /// <inheritdoc />
    public string ValueExpression => $"{{{Resource.Name}.outputs.{Output}}}";

    /// <inheritdoc />
    public IEnumerable<object> References => [Resource];

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException(
        $"'{ValueExpression}' exists only once resource '{Resource.Name}' is provisioned in Azure; run mode uses the local resource instead.");
}

/// <summary>A managed service's access key, read at deployment from the service itself (never written to any file).</summary>
/// <param name="Resource">The resource published as a managed service.</param>
public sealed record AzureManagedKey(IResource Resource) : IValueProvider, IManifestExpressionProvider, IValueWithReferences
{
    /// <inheritdoc />
    public string ValueExpression => $"{{{Resource.Name}.secretOutputs.primaryKey}}";

    /// <inheritdoc />
    public IEnumerable<object> References => [Resource];

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => throw new InvalidOperationException(
        $"The access key of '{Resource.Name}' exists only once it is provisioned in Azure; run mode uses the local resource instead.");
}
