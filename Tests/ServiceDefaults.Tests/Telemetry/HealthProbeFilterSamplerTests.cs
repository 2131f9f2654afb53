using System.Diagnostics;
using Deploy.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace Deploy.ServiceDefaults.Tests.Telemetry;

public sealed class HealthProbeFilterSamplerTests
{
    [Theory]
    [InlineData("/health", SamplingDecision.Drop)]
    [InlineData("/alive", SamplingDecision.Drop)]
    [InlineData("/health/ready", SamplingDecision.Drop)]
    [InlineData("/healthy-food", SamplingDecision.RecordAndSample)]
    [InlineData("/items/3", SamplingDecision.RecordAndSample)]
    public void ShouldSample_ServerSpanByPath_DropsOnlyProbes(string path, SamplingDecision expected)
    {
        var parameters = new SamplingParameters(
            default, ActivityTraceId.CreateRandom(), "GET", ActivityKind.Server, [new("url.path", path)]);

        Assert.Equal(expected, new HealthProbeFilterSampler().ShouldSample(parameters).Decision);
    }
}
