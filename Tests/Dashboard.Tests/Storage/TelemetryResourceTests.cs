using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Tests.Storage;

/// <summary>How telemetry senders are keyed.</summary>
public sealed class TelemetryResourceTests
{
    [Theory]
    [InlineData("api", null, "api")]
    [InlineData("api", "abc123", "api-abc123")]
    [InlineData("api", "api", "api")]
    [InlineData("api", "api-1", "api-1")]
    [InlineData("api", "apiary", "api-apiary")]
    public void MakeKey_InstanceId_KeyNamesTheInstanceOnce(string name, string? instanceId, string expected) =>
        Assert.Equal(expected, TelemetryResource.MakeKey(name, instanceId));
}
