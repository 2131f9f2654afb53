using MigrationService;
using Npgsql;

// A job, not a service: apply the migrations and exit. The AppHost starts everything that uses the database only
// after this exits with 0 (WaitForCompletion), so no service ever sees a half-migrated schema.
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("docs");
builder.Services.AddSingleton<MigrationRunner>();

using var host = builder.Build();
await host.StartAsync();
var logger = host.Services.GetRequiredService<ILogger<MigrationRunner>>();
try
{
    var migrations = Migration.LoadEmbedded();
    var applied = await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(migrations, CancellationToken.None);
    logger.LogInformation("Database is at version {Version} ({Applied} migration(s) applied now).", migrations[^1].Version, applied);
    Environment.ExitCode = 0;
}
catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
{
    logger.LogCritical(e, "Migrations failed.");
    Environment.ExitCode = 1;
}

// Stopping the host flushes telemetry, so the migration's trace reaches the dashboard before the process ends.
await host.StopAsync();
