using Deploy.ServiceDefaults;
using Deploy.ServiceDefaults.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers <see cref="RedisClient"/> the way Aspire's Redis client integration registers its connection.</summary>
public static class RedisClientExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="RedisClient"/> built from <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (<c>host:port[,password=...][,ssl=...]</c>) and a health check named <paramref name="connectionName"/> that sends PING.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed.</exception>
    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = ConnectionStringReader.GetRequired(builder.Configuration, connectionName, "Redis");
        RedisConnectionOptions options;
        try
        {
            options = RedisConnectionOptions.Parse(connectionString);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"The configuration key 'ConnectionStrings:{connectionName}' is not a valid Redis connection string. {ex.Message}", ex);
        }

        builder.Services.AddSingleton(_ => new RedisClient(options));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            sp => new RedisHealthCheck(sp.GetRequiredService<RedisClient>()),
            failureStatus: null,
            tags: ["ready"],
            timeout: TimeSpan.FromSeconds(5)));
    }
}
