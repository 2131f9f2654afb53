using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Azure;

namespace Aspire.Hosting;

/// <summary>Opt-ins to managed Azure services in place of a container app, for the Azure Container Apps target. They
/// keep the names of Aspire's own methods (in <c>Aspire.Hosting.Azure.PostgreSQL</c> / <c>.Redis</c>, which are not
/// served here) so AppHosts written for those compile against Deploy.</summary>
public static class AzureManagedServiceExtensions
{
    /// <summary>The port of a PostgreSQL flexible server.</summary>
    private const int PostgresPort = 5432;

    /// <summary>Azure Cache for Redis serves TLS only, on this port.</summary>
    private const int RedisTlsPort = 6380;

    /// <summary>When published to Azure Container Apps, provisions an Azure Database for PostgreSQL flexible server
    /// (password authentication with the server's user and password parameters, public access limited to Azure services)
    /// with the server's databases. Run mode and the other targets keep the container.</summary>
    public static IResourceBuilder<PostgresServerResource> PublishAsAzurePostgresFlexibleServer(this IResourceBuilder<PostgresServerResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var server = builder.Resource;
        return builder.WithAnnotation(new AzureManagedServiceAnnotation(AzureManagedServiceKind.PostgresFlexibleServer, PostgresPort, TlsEnabled: false)
        {
            // The same login the model's connection expressions carry (the image's default user when none is given).
            AdministratorLogin = () => (object?)server.UserNameParameter ?? "postgres",
            AdministratorPassword = () => server.PasswordParameter,
            Databases = () => [.. server.Databases.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        }, ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>When published to Azure Container Apps, provisions Azure Cache for Redis (Basic C0, TLS only on port 6380).
    /// Consumers authenticate with the cache's access key, read at deployment, in place of the model's password. Run mode
    /// and the other targets keep the container.</summary>
    public static IResourceBuilder<RedisResource> PublishAsAzureRedis(this IResourceBuilder<RedisResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = builder.Resource;
        return builder.WithAnnotation(new AzureManagedServiceAnnotation(AzureManagedServiceKind.Redis, RedisTlsPort, TlsEnabled: true)
        {
            AccessKeyReplaces = () => redis.PasswordParameter,
        }, ResourceAnnotationMutationBehavior.Replace);
    }
}
