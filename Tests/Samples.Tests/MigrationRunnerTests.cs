using Deploy.Samples.Tests.TestSupport;
using MigrationService;

namespace Deploy.Samples.Tests;

/// <summary>The migration job against a real PostgreSQL, through Aspire's Npgsql client integration.</summary>
public sealed class MigrationRunnerTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyAsync_FreshThenAgain_AppliesAllThenNothing()
    {
        await using var database = await DocsDatabase.CreateAsync(postgres);
        var migrations = Migration.LoadEmbedded();

        var first = await database.Migrations.ApplyAsync(migrations, Ct);
        var second = await database.Migrations.ApplyAsync(migrations, Ct);

        Assert.Equal(migrations.Count, first);
        Assert.Equal(0, second);
        await using var count = database.DataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)migrations.Count, await count.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task ApplyAsync_TwoRunnersAtOnce_EachMigrationAppliedOnce()
    {
        await using var database = await DocsDatabase.CreateAsync(postgres);
        var migrations = Migration.LoadEmbedded();

        // Both runners on one database: the advisory lock must serialise them.
        var runs = await Task.WhenAll(
            database.Migrations.ApplyAsync(migrations, Ct),
            database.Migrations.ApplyAsync(migrations, Ct),
            database.Migrations.ApplyAsync(migrations, Ct));

        Assert.Equal(migrations.Count, runs.Sum());
    }

    [Fact]
    public async Task ApplyAsync_AppliedScriptEdited_ThrowsNamingTheMigration()
    {
        await using var database = await DocsDatabase.CreateAsync(postgres);
        var migrations = Migration.LoadEmbedded();
        await database.Migrations.ApplyAsync(migrations, Ct);
        var edited = migrations.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Migrations.ApplyAsync(edited, Ct));

        Assert.Contains($"0001_{migrations[0].Name} was changed", error.Message, StringComparison.Ordinal);
    }
}
