using MigrationService;

namespace Deploy.Samples.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void LoadEmbedded_Migrations_OrderedContiguousVersions()
    {
        var migrations = Migration.LoadEmbedded();

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Contains(migrations, m => m.Sql.Contains("CREATE TABLE embeddings", StringComparison.Ordinal));
    }

    [Fact]
    public void Checksum_LineEndings_Ignored()
    {
        Assert.Equal(new Migration(1, "a", "SELECT 1;\nSELECT 2;").Checksum, new Migration(1, "a", "SELECT 1;\r\nSELECT 2;").Checksum);
        Assert.NotEqual(new Migration(1, "a", "SELECT 1;").Checksum, new Migration(1, "a", "SELECT 2;").Checksum);
    }
}
