using System.Data.Common;
using Deploy.ServiceDefaults;
using Deploy.ServiceDefaults.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers an <see cref="NpgsqlDataSource"/> the way Aspire's Npgsql client integration does.</summary>
public static class NpgsqlExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="NpgsqlDataSource"/> (also as <see cref="DbDataSource"/>) built from
    /// <c>ConnectionStrings:&lt;connectionName&gt;</c>, with logging through the host's logger factory, tracing on the
    /// <c>Npgsql</c> ActivitySource, and a health check named <paramref name="connectionName"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed.</exception>
    public static void AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = ConnectionStringReader.GetRequired(builder.Configuration, connectionName, "PostgreSQL");
        try
        {
            // Fail at startup, naming the key, rather than at the first query.
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"The configuration key 'ConnectionStrings:{connectionName}' is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        builder.Services.AddSingleton(sp =>
        {
            var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
            dataSourceBuilder.UseLoggerFactory(sp.GetService<ILoggerFactory>());
            dataSourceBuilder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(
                command => !string.Equals(command.CommandText, NpgsqlHealthCheck.Query, StringComparison.Ordinal)));
            return dataSourceBuilder.Build();
        });
        builder.Services.AddSingleton<DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            connectionName,
            sp => new NpgsqlHealthCheck(sp.GetRequiredService<NpgsqlDataSource>()),
            failureStatus: null,
            tags: ["ready"],
            timeout: TimeSpan.FromSeconds(5)));
    }
}
