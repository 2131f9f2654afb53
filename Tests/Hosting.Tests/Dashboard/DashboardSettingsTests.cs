using Aspire.Hosting;
using Deploy.Hosting.Dashboard;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Tests.Dashboard;

/// <summary>How the in-process dashboard reads its configuration.</summary>
public sealed class DashboardSettingsTests
{
    [Fact]
    public void Read_NothingConfigured_EnabledOnRandomPorts()
    {
        var settings = DashboardSettings.Read(Configuration());

        Assert.Equal(new DashboardSettings(true, 0, 0, 0), settings);
    }

    [Fact]
    public void Read_AspireVariables_TheirPortsAreUsed()
    {
        var settings = DashboardSettings.Read(Configuration(
            ("ASPNETCORE_URLS", "https://localhost:17001;http://localhost:15001"),
            ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "https://localhost:21001"),
            ("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "http://+:21002")));

        Assert.Equal(new DashboardSettings(true, 17001, 21001, 21002), settings);
    }

    [Fact]
    public void Read_DashboardKeys_WinOverAspireVariables()
    {
        var settings = DashboardSettings.Read(Configuration(("Dashboard:UiPort", "18888"), ("ASPNETCORE_URLS", "http://localhost:15001"),
            ("Dashboard:Enabled", "false")));

        Assert.Equal(new DashboardSettings(false, 18888, 0, 0), settings);
    }

    [Fact]
    public void Read_PortNotANumber_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<DistributedApplicationException>(() => DashboardSettings.Read(Configuration(("Dashboard:OtlpGrpcPort", "grpc"))));

        Assert.Contains("'Dashboard:OtlpGrpcPort' must be a port number", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
