using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>Healthy when the server answers PING.</summary>
internal sealed class RedisHealthCheck(RedisClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await client.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {client.Options.Host}:{client.Options.Port} did not answer PING: {ex.Message}", ex);
        }
    }
}
