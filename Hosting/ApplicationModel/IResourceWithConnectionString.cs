namespace Aspire.Hosting.ApplicationModel;

/// <summary>A resource others connect to with a connection string.</summary>
public interface IResourceWithConnectionString : IResource, IManifestExpressionProvider, IValueProvider
{
    /// <summary>The connection string, as an expression resolved in run mode and rendered by publishers.</summary>
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>Overrides the <c>ConnectionStrings__&lt;name&gt;</c> variable name when set.</summary>
    string? ConnectionStringEnvironmentVariable => null;
}
