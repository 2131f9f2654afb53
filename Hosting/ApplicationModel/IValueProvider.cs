namespace Aspire.Hosting.ApplicationModel;

/// <summary>A value known only when the application runs (a port, a password, a connection string).</summary>
public interface IValueProvider
{
    /// <summary>Resolves the value in run mode.</summary>
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}

/// <summary>A value that publishers render as a manifest placeholder such as <c>{cache.bindings.tcp.port}</c>.</summary>
public interface IManifestExpressionProvider
{
    /// <summary>The placeholder text.</summary>
    string ValueExpression { get; }
}

/// <summary>A value that refers to other resources (used to check that every placeholder has a target).</summary>
public interface IValueWithReferences
{
    /// <summary>The objects this value refers to: resources, endpoints or other values.</summary>
    IEnumerable<object> References { get; }
}
