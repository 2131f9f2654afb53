namespace Aspire.Hosting.ApplicationModel;

/// <summary>A reference to a resource's connection string: <c>{db.connectionString}</c> when published.</summary>
public sealed class ConnectionStringReference(IResourceWithConnectionString resource, bool optional = false)
    : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    /// <summary>The resource whose connection string this is.</summary>
    public IResourceWithConnectionString Resource { get; } = resource;

    /// <summary>Whether a missing value is allowed.</summary>
    public bool Optional { get; } = optional;

    /// <inheritdoc />
    public string ValueExpression => Resource.ValueExpression;

    /// <inheritdoc />
    public IEnumerable<object> References => [Resource];

    /// <inheritdoc />
    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var value = await Resource.GetValueAsync(cancellationToken);
        return value ?? (Optional ? null : throw new InvalidOperationException(
            $"The connection string of resource '{Resource.Name}' has no value."));
    }
}
