#pragma warning disable ASPIREPROBES001 // Aspire's probe API is experimental in 13.6; the publisher reads what it records.

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureProbeTests
{
    [Fact]
    public async Task Publish_WithHttpProbe_ProbeWithItsPathAndTimings()
    {
        using var publish = await AzurePublish.RunAsync(b => b.AddProject("api", AzureModels.Project("Api")).WithHttpEndpoint()
            .WithHttpProbe(ProbeType.Readiness, "/ready", initialDelaySeconds: 5, periodSeconds: 15, timeoutSeconds: 2, failureThreshold: 4)
            .WithHttpProbe(ProbeType.Liveness, "/live"));

        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("type: 'Readiness'\n              httpGet: {\n                path: '/ready'\n                port: 8080\n              }\n" +
            "              initialDelaySeconds: 5\n              timeoutSeconds: 2\n              periodSeconds: 15\n              failureThreshold: 4", api, StringComparison.Ordinal);
        Assert.Contains("type: 'Liveness'\n              httpGet: {\n                path: '/live'", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ContainerWithoutHealthEndpoints_TcpProbesOnItsPort()
    {
        using var publish = await AzurePublish.RunAsync(b => b.AddContainer("echo", "hashicorp/http-echo", "1.0").WithHttpEndpoint(targetPort: 5678));

        var echo = publish.Read("infra/apps/echo.bicep");
        Assert.Contains("type: 'Readiness'\n              tcpSocket: {\n                port: 5678", echo, StringComparison.Ordinal);
        Assert.Contains("type: 'Liveness'\n              tcpSocket: {\n                port: 5678\n              }\n              periodSeconds: 10\n" +
            "              failureThreshold: 6", echo, StringComparison.Ordinal);
        Assert.DoesNotContain("empty(imageName)", echo, StringComparison.Ordinal);
    }
}
