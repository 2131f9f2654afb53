namespace Aspire.Hosting.ApplicationModel;

/// <summary>A connection string supplied from configuration <c>ConnectionStrings:&lt;name&gt;</c> (an existing database, say).</summary>
public sealed class ConnectionStringParameterResource(string name, Func<string?> configuredValue, string? environmentVariableName)
    : ParameterResource(name, configuredValue, secret: true), IResourceWithConnectionString
{
    /// <inheritdoc />
    public override string ConfigurationKey => $"ConnectionStrings:{Name}";

    /// <inheritdoc />
    public string? ConnectionStringEnvironmentVariable { get; } = environmentVariableName;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{(ParameterResource)this}");

    /// <inheritdoc />
    public override string ValueExpression => $"{{{Name}.connectionString}}";
}
