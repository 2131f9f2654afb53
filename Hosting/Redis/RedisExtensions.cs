using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Native;
using Deploy.Hosting.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary><c>AddRedis</c>, <c>WithDataVolume</c>, <c>WithPersistence</c>.</summary>
public static class RedisExtensions
{
    /// <summary>Adds a Redis server protected by a generated (and persisted) password unless one is given.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null,
        IResourceBuilder<ParameterResource>? password = null)
    {
        // No special characters: StackExchange-style connection strings cannot carry commas.
        var passwordParameter = password?.Resource ?? builder.CreateDefaultPasswordParameter($"{name}-password", special: false);
        var redis = new RedisResource(name, passwordParameter);
        return builder.AddResource(redis)
            .WithEndpoint(port: port, targetPort: RedisContainerImageTags.Port, name: RedisResource.PrimaryEndpointName)
            .WithImage($"{RedisContainerImageTags.Registry}/{RedisContainerImageTags.Image}", RedisContainerImageTags.Tag)
            .WithEntrypoint("/bin/sh")
            .WithEnvironment(context => context.EnvironmentVariables["REDIS_PASSWORD"] = passwordParameter)
            .WithArgs(context =>
            {
                var command = "redis-server --requirepass $REDIS_PASSWORD";
                if (redis.Annotations.OfType<RedisPersistenceAnnotation>().LastOrDefault() is { } persistence)
                    command += string.Create(CultureInfo.InvariantCulture, $" --save {(int)persistence.Interval.TotalSeconds} {persistence.KeysChangedThreshold}");
                context.Args.Add("-c");
                context.Args.Add(command);
            })
            .WithAnnotation(new HealthCheckAnnotation($"{name}_check", ct => CheckAsync(redis, ct)))
            .WithAnnotation(new NativeRecipeAnnotation(new RedisNativeRecipe()))
            .WithReadinessCommand("/bin/sh", "-c", passwordParameter is null
                ? "redis-cli ping | grep -q PONG"
                : "redis-cli -a \"$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG");
    }

    /// <summary>Keeps the data across runs (a named volume at <c>/data</c>, snapshotting every 60 s).</summary>
    /// <param name="builder">The server.</param>
    /// <param name="name">The volume name; generated when null.</param>
    /// <param name="isReadOnly">Mount it read-only (no snapshots).</param>
    /// <param name="size">Storage to provision when published (a Kubernetes quantity such as <c>1Gi</c>); the publisher's default when null.</param>
    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder, string? name = null,
        bool isReadOnly = false, string? size = null)
    {
        builder.WithVolume(name ?? VolumeNameGenerator.Generate(builder, "data"), RedisContainerImageTags.DataDirectory, isReadOnly);
        if (size is not null)
            builder.WithVolumeSize(RedisContainerImageTags.DataDirectory, size);
        return isReadOnly ? builder : builder.WithPersistence();
    }

    /// <summary>Snapshots to disk every <paramref name="interval"/> (60 s) when <paramref name="keysChangedThreshold"/> keys changed.</summary>
    public static IResourceBuilder<RedisResource> WithPersistence(this IResourceBuilder<RedisResource> builder, TimeSpan? interval = null,
        long keysChangedThreshold = 1) =>
        builder.WithAnnotation(new RedisPersistenceAnnotation(interval ?? TimeSpan.FromSeconds(60), keysChangedThreshold),
            ResourceAnnotationMutationBehavior.Replace);

    private static async Task<HealthCheckResult> CheckAsync(RedisResource redis, CancellationToken cancellationToken)
    {
        var endpoint = redis.PrimaryEndpoint;
        var password = redis.PasswordParameter is null ? null : await redis.PasswordParameter.GetValueAsync(cancellationToken);
        var reply = await RedisPing.PingAsync(endpoint.Host, endpoint.Port, password, cancellationToken);
        return reply == "PONG" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"PING answered '{reply}'.");
    }
}
