using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Deploy.ServiceDefaults.Tests.Data;

public sealed class NpgsqlExtensionsTests
{
    [Fact]
    public void AddNpgsqlDataSource_MissingConnectionString_ThrowsNamingKeyAndFix()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddNpgsqlDataSource("docs"));

        Assert.Contains("ConnectionStrings:docs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithReference(docs)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNpgsqlDataSource_MalformedConnectionString_ThrowsNamingKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:docs"] = "Hostt=localhost";

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddNpgsqlDataSource("docs"));

        Assert.Contains("ConnectionStrings:docs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNpgsqlDataSource_UnreachableServer_RegistersSingletonAndUnhealthyCheck()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:docs"] = $"Host=127.0.0.1;Port={port};Username=u;Password=p;Database=docs;Timeout=2";
        builder.AddNpgsqlDataSource("docs");
        using var host = builder.Build();

        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Same(dataSource, host.Services.GetRequiredService<DbDataSource>());
        Assert.Contains($"Port={port}", dataSource.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["docs"].Status);
    }
}
