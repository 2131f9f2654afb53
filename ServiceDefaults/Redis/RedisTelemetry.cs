using System.Diagnostics;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>The ActivitySource every <see cref="RedisClient"/> command is traced with.</summary>
public static class RedisTelemetry
{
    /// <summary>The ActivitySource name to subscribe to: <c>Deploy.Redis</c>.</summary>
    public const string ActivitySourceName = "Deploy.Redis";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(RedisTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a client span for one command; only the command name is recorded, never keys' values or credentials.</summary>
    internal static Activity? StartCommand(string command, RedisConnectionOptions options)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var operation = command.ToUpperInvariant();
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", "redis");
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation", operation);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.namespace", options.Database.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag("server.address", options.Host);
            activity.SetTag("server.port", options.Port);
        }

        return activity;
    }

    internal static void RecordError(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception is RedisException redis ? redis.ErrorCode : exception.GetType().Name);
        activity.SetTag("error.type", exception is RedisException server ? server.ErrorCode : exception.GetType().FullName);
    }
}
