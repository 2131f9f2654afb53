using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Native;
using Deploy.Hosting.Postgres;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Aspire.Hosting;

/// <summary><c>AddPostgres</c>, <c>AddDatabase</c>, <c>WithDataVolume</c>.</summary>
public static class PostgresExtensions
{
    /// <summary>Adds a PostgreSQL server. The password is generated (and persisted) unless given.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? userName = null, IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? builder.CreateDefaultPasswordParameter($"{name}-password");
        var server = new PostgresServerResource(name, userName?.Resource, passwordParameter);
        object user = (object?)userName?.Resource ?? PostgresServerResource.DefaultUserName;
        return builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: PostgresContainerImageTags.Port, name: PostgresServerResource.PrimaryEndpointName)
            .WithImage($"{PostgresContainerImageTags.Registry}/{PostgresContainerImageTags.Image}", PostgresContainerImageTags.Tag)
            .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
            .WithEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["POSTGRES_USER"] = user;
                context.EnvironmentVariables["POSTGRES_PASSWORD"] = passwordParameter;
            })
            .WithAnnotation(new HealthCheckAnnotation($"{name}_check", ct => CheckAsync(server, ct)))
            .WithAnnotation(new ResourceReadyAnnotation(ct => CreateDatabasesAsync(server, ct)))
            .WithAnnotation(new NativeRecipeAnnotation(new PostgresNativeRecipe()))
            // Published: readiness without a password (pg_isready only checks that connections are accepted), and the
            // databases created by the image's init step on first start.
            .WithReadinessCommand("/bin/sh", "-c", $"pg_isready -U \"$POSTGRES_USER\" -h 127.0.0.1 -p {PostgresContainerImageTags.Port}")
            .WithContainerFiles("/docker-entrypoint-initdb.d", () => PostgresInitScripts.Create(server));
    }

    /// <summary>Adds a database to the server; it is created when the server is ready.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name,
        string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases[name] = database.DatabaseName;
        return builder.ApplicationBuilder.AddResource(database);
    }

    /// <summary>Keeps the server's data across runs (a named volume; natively, a directory in the AppHost's state directory).</summary>
    /// <param name="builder">The server.</param>
    /// <param name="name">The volume name; generated when null.</param>
    /// <param name="isReadOnly">Mount it read-only.</param>
    /// <param name="size">Storage to provision when published (a Kubernetes quantity such as <c>10Gi</c>); the publisher's default when null.</param>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder,
        string? name = null, bool isReadOnly = false, string? size = null)
    {
        builder.WithVolume(name ?? VolumeNameGenerator.Generate(builder, "data"), PostgresContainerImageTags.DataDirectory, isReadOnly);
        return size is null ? builder : builder.WithVolumeSize(PostgresContainerImageTags.DataDirectory, size);
    }

    private static async Task<HealthCheckResult> CheckAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        var connectionString = $"{await server.GetValueAsync(cancellationToken)};Database=postgres;Pooling=false;Timeout=3";
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            // A persistent data directory keeps the password it was initialised with.
            return HealthCheckResult.Unhealthy(
                $"PostgreSQL rejected the password of '{server.PasswordParameter.Name}': the data directory was initialised with another one. " +
                "Set the parameter back to its first value, or delete the data volume to start afresh.");
        }

        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }

    private static async Task CreateDatabasesAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        if (server.Databases.Count == 0)
            return;
        var connectionString = $"{await server.GetValueAsync(cancellationToken)};Database=postgres;Pooling=false";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var database in server.Databases.Values)
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Already there from an earlier run with a data volume.
            }
        }
    }
}
