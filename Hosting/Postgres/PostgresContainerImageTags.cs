namespace Deploy.Hosting.Postgres;

/// <summary>The image published for PostgreSQL (Aspire 9.5's pin).</summary>
internal static class PostgresContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "library/postgres";
    public const string Tag = "17.6";
    public const string DataDirectory = "/var/lib/postgresql/data";
    public const int Port = 5432;
}
