using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>PublishAsAzureRedis</c>: the managed service instead of a container app in Azure.</summary>
public static class RedisAzureExtensions
{
    /// <summary>When published to Azure, provisions Azure Cache for Redis (Basic C0, TLS only on port 6380). Consumers
    /// authenticate with the cache's access key, read at deployment; the model's password parameter is not used there.
    /// Run mode and the other publishers keep the container.</summary>
    public static IResourceBuilder<RedisResource> PublishAsAzureRedis(this IResourceBuilder<RedisResource> builder)
    {
        var redis = builder.Resource;
        var connectionString = ReferenceExpression.Create(
            $"{new AzureManagedOutput(redis, "hostName")}:6380,password={new AzureManagedKey(redis)},ssl=true");
        return builder.WithAnnotation(new AzureManagedServiceAnnotation(AzureManagedServiceKind.Redis, connectionString),
            ResourceAnnotationMutationBehavior.Replace);
    }
}
