using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Postgres;

namespace Aspire.Hosting;

/// <summary><c>PublishAsAzurePostgresFlexibleServer</c>: the managed service instead of a container app in Azure.</summary>
public static class PostgresAzureExtensions
{
    /// <summary>When published to Azure, provisions an Azure Database for PostgreSQL flexible server (password
    /// authentication with the server's password parameter, public access limited to Azure services) and creates the
    /// server's databases on it. Run mode and the other publishers keep the container.</summary>
    public static IResourceBuilder<PostgresServerResource> PublishAsAzurePostgresFlexibleServer(this IResourceBuilder<PostgresServerResource> builder)
    {
        var server = builder.Resource;
        var host = new AzureManagedOutput(server, "hostName");
        // A login of its own: the flexible server reserves several well-known administrator names, so the container default stays local.
        object login = (object?)server.UserNameParameter ?? "pgadmin";
        var connectionString = server.UserNameParameter is null
            ? ReferenceExpression.Create($"Host={host};Port={PostgresContainerImageTags.Port};Username=pgadmin;Password={server.PasswordParameter};SSL Mode=Require")
            : ReferenceExpression.Create($"Host={host};Port={PostgresContainerImageTags.Port};Username={server.UserNameParameter};Password={server.PasswordParameter};SSL Mode=Require");
        var annotation = new AzureManagedServiceAnnotation(AzureManagedServiceKind.PostgresFlexibleServer, connectionString)
        {
            AdministratorLogin = login,
            AdministratorPassword = server.PasswordParameter,
            Databases = () => [.. server.Databases.Values.Order(StringComparer.Ordinal)],
            Version = PostgresContainerImageTags.Tag.Split('.')[0],
        };
        return builder.WithAnnotation(annotation, ResourceAnnotationMutationBehavior.Replace);
    }
}
