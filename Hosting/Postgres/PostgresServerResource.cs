namespace Aspire.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: a container when published, a container or a native process when run.</summary>
public sealed class PostgresServerResource(string name, ParameterResource? userName, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DefaultUserName = "postgres";

    /// <summary>The user name parameter, or null for the default <c>postgres</c>.</summary>
    public ParameterResource? UserNameParameter { get; } = userName;

    /// <summary>The password parameter (generated unless given).</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The server's endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>The databases declared with <c>AddDatabase</c>: resource name → database name.</summary>
    public IDictionary<string, string> Databases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => UserNameParameter is null
        ? ReferenceExpression.Create($"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={DefaultUserName};Password={PasswordParameter}")
        : ReferenceExpression.Create($"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserNameParameter};Password={PasswordParameter}");

    /// <inheritdoc />
    public string ValueExpression => $"{{{Name}.connectionString}}";

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);
}
