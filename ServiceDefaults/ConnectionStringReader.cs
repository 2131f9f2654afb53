using Microsoft.Extensions.Configuration;

namespace Deploy.ServiceDefaults;

/// <summary>Reads <c>ConnectionStrings:&lt;name&gt;</c> and explains how to fix it when it is missing.</summary>
internal static class ConnectionStringReader
{
    public static string GetRequired(IConfiguration configuration, string connectionName, string resourceKind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var value = configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"No {resourceKind} connection string: the configuration key 'ConnectionStrings:{connectionName}' " +
                $"(environment variable 'ConnectionStrings__{connectionName}') is not set. In the AppHost, add " +
                $".WithReference({connectionName}) to this project so the orchestrator sets it, or set it in appsettings.json.");
        }

        return value;
    }
}
