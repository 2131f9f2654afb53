using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MigrationService;
using Npgsql;

namespace Deploy.Samples.Tests.TestSupport;

/// <summary>A fresh database on the test server, opened the way the services open theirs: Aspire's
/// <c>AddNpgsqlDataSource("docs")</c> reading <c>ConnectionStrings:docs</c>.</summary>
public sealed class DocsDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    private DocsDatabase(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string, as the AppHost passes it.</summary>
    public string ConnectionString { get; }

    /// <summary>The data source the client integration registered.</summary>
    public NpgsqlDataSource DataSource => _host.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>A runner on this database.</summary>
    public MigrationRunner Migrations => _host.Services.GetRequiredService<MigrationRunner>();

    /// <summary>Creates a database with a unique name, not yet migrated.</summary>
    public static async Task<DocsDatabase> CreateAsync(PostgresServer server)
    {
        var name = "docs_" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateDatabaseAsync(name);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:docs"] = server.ConnectionString(name);
        builder.AddNpgsqlDataSource("docs");
        builder.Services.AddLogging().AddSingleton<MigrationRunner>();
        return new DocsDatabase(builder.Build(), server.ConnectionString(name));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            _host.Dispose();
    }
}
