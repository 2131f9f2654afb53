using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

#pragma warning disable ASPIREPROBES001 // Aspire's probe API is experimental; these tests pin how the publisher reads it.
public sealed class KubernetesProbeTests
{
    private const string Container = "spec.template.spec.containers[0]";

    private static readonly string[] TimingFields = ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold"];

    [Fact]
    public async Task Probes_DeclaredStartupReadinessLiveness_EachMappedWithItsTimings()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint()
            .WithHttpHealthCheck("/fallback")
            .WithHttpProbe(ProbeType.Startup, "/started", initialDelaySeconds: 1, periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 40, successThreshold: 1)
            .WithHttpProbe(ProbeType.Readiness, "/ready", initialDelaySeconds: 4, periodSeconds: 6, timeoutSeconds: 7, failureThreshold: 8, successThreshold: 2)
            .WithHttpProbe(ProbeType.Liveness, "/live", initialDelaySeconds: 9, periodSeconds: 11, timeoutSeconds: 12, failureThreshold: 13, successThreshold: 1));

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("/started", YamlQuery.Scalar(api, $"{Container}.startupProbe.httpGet.path"));
        Assert.Equal("http", YamlQuery.Scalar(api, $"{Container}.startupProbe.httpGet.port"));
        Assert.Equal("1 2 3 40 -", Timings(api, "startupProbe"));
        Assert.Equal("/ready", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("4 6 7 8 2", Timings(api, "readinessProbe"));
        Assert.Equal("/live", YamlQuery.Scalar(api, $"{Container}.livenessProbe.httpGet.path"));
        Assert.Equal("9 11 12 13 -", Timings(api, "livenessProbe"));
        await KustomizeValidation.RenderAndValidateAsync(publish.Directory);
    }

    [Fact]
    public async Task Probes_OnlyHttpHealthCheck_ReadinessFallbackWithDefaultsAndNoStartupProbe()
    {
        using var publish = await KubernetesPublish.RunAsync(b => b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WithHttpHealthCheck("/fallback"));

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("/fallback", YamlQuery.Scalar(api, $"{Container}.readinessProbe.httpGet.path"));
        Assert.Equal("5 10 5 3 -", Timings(api, "readinessProbe"));
        Assert.Null(YamlQuery.Get(api, $"{Container}.startupProbe"));
    }

    /// <summary>The probe's timings in <see cref="TimingFields"/> order, '-' where absent.</summary>
    private static string Timings(string yaml, string probe) =>
        string.Join(' ', TimingFields.Select(field => YamlQuery.Scalar(yaml, $"{Container}.{probe}.{field}") ?? "-"));
}
