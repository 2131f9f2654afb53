namespace Aspire.Hosting.ApplicationModel;

/// <summary>A Redis server: a container when published, a container or a native process when run.</summary>
public sealed class RedisResource(string name, ParameterResource? password) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The password parameter (generated unless given; null means no password).</summary>
    public ParameterResource? PasswordParameter { get; } = password;

    /// <summary>The server's endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => PasswordParameter is null
        ? ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}")
        : ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    /// <inheritdoc />
    public string ValueExpression => $"{{{Name}.connectionString}}";

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);
}
