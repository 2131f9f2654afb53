using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Deploy.ServiceDefaults.Data;

/// <summary>Healthy when the database answers a trivial query through the registered data source.</summary>
internal sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    /// <summary>The probe query; excluded from tracing so frequent probes do not flood the trace view.</summary>
    public const string Query = "SELECT 1";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Query);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL did not answer '{Query}': {ex.Message}", ex);
        }
    }
}
