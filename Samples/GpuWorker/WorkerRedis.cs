using Microsoft.Extensions.Hosting;

namespace GpuWorker;

/// <summary>The worker's Redis client: Aspire's, with command tracing off.</summary>
/// <remarks>The pool polls the stream several times a second, and those commands belong to no request, so each would be
/// a trace of its own in the dashboard. What matters is traced anyway: each job's span continues the request that
/// queued it, from the <c>traceparent</c> in the stream entry.</remarks>
public static class WorkerRedis
{
    public static IHostApplicationBuilder AddWorkerRedisClient(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache", settings => settings.DisableTracing = true);
        return builder;
    }
}
