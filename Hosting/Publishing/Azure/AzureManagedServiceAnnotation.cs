using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>The managed Azure services a resource can be published as instead of a container app.</summary>
internal enum AzureManagedServiceKind
{
    /// <summary>Azure Database for PostgreSQL flexible server.</summary>
    PostgresFlexibleServer,

    /// <summary>Azure Cache for Redis.</summary>
    Redis,
}

/// <summary>Publish the resource as a managed Azure service (the Azure Container Apps target only; run mode and the
/// other targets keep the container).</summary>
/// <remarks>The opt-in (<c>PublishAsAzurePostgresFlexibleServer</c>, <c>PublishAsAzureRedis</c>) knows what the service
/// needs and says it here, so the publisher reads this annotation and never the resource's type. Consumers keep the
/// resource's own expressions (connection string, connection properties); the publisher only points its endpoint at the
/// service (<see cref="Port"/>, <see cref="TlsEnabled"/>, the host name output) and, where the service has an access key,
/// puts the key in place of <see cref="AccessKeyReplaces"/>. Settings are read when publishing, so changes the AppHost
/// makes after the opt-in count.</remarks>
/// <param name="Kind">Which managed service.</param>
/// <param name="Port">The port consumers connect to.</param>
/// <param name="TlsEnabled">Whether the service accepts TLS connections only.</param>
internal sealed record AzureManagedServiceAnnotation(AzureManagedServiceKind Kind, int Port, bool TlsEnabled) : IResourceAnnotation
{
    /// <summary>The model parameter whose value the service's access key takes (read at deployment, never written).</summary>
    public Func<ParameterResource?> AccessKeyReplaces { get; init; } = () => null;

    /// <summary>The administrator login: a string or a <see cref="ParameterResource"/>, where the service takes one.</summary>
    public Func<object?> AdministratorLogin { get; init; } = () => null;

    /// <summary>The administrator password parameter (a <c>@secure()</c> parameter), where the service takes one.</summary>
    public Func<ParameterResource?> AdministratorPassword { get; init; } = () => null;

    /// <summary>Databases to create on the service.</summary>
    public Func<IReadOnlyList<string>> Databases { get; init; } = () => [];
}
