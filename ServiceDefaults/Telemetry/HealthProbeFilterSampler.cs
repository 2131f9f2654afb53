using Deploy.ServiceDefaults.Health;
using OpenTelemetry.Trace;

namespace Deploy.ServiceDefaults.Telemetry;

/// <summary>
/// Drops server spans for the health endpoints (the orchestrator probes them every few seconds) and defers to
/// <c>ParentBased(AlwaysOn)</c> otherwise. Works because ASP.NET Core sets <c>url.path</c> when it creates the
/// activity, before sampling, once <see cref="TelemetryNames.SuppressAspNetCoreActivityDataSwitch"/> is off.
/// </summary>
internal sealed class HealthProbeFilterSampler : Sampler
{
    private readonly Sampler _inner = new ParentBasedSampler(new AlwaysOnSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.Kind == System.Diagnostics.ActivityKind.Server && samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "url.path" && tag.Value is string path && HealthEndpoints.IsProbePath(path))
                {
                    return new SamplingResult(SamplingDecision.Drop);
                }
            }
        }

        return _inner.ShouldSample(samplingParameters);
    }
}
