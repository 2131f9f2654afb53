// Probes are experimental in Aspire 13.6; they are what Aspire's own publishers read, so Deploy reads them too.
#pragma warning disable ASPIREPROBES001

using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>A Container App's readiness and liveness probes, from the model's primitives: Aspire's probe annotations
/// (<c>WithHttpProbe</c>) first, then the HTTP health check (<c>WithHttpHealthCheck</c>), then the service defaults'
/// <c>/health</c> and <c>/alive</c> for projects that use them, else a TCP connect to the first port.</summary>
/// <remarks>Readiness commands (<c>pg_isready</c>…) cannot run: Container Apps probes are HTTP or TCP only.</remarks>
internal static class AppProbes
{
    private const int LivenessFailureThreshold = 6;

    public static (AppProbe? Readiness, AppProbe? Liveness) Plan(IResource resource, IReadOnlyList<AppPort> ports)
    {
        var project = resource as ProjectResource;
        var usesDefaults = project is not null
            && ProjectFile.ReadClosure(project.GetProjectMetadata().ProjectPath).Skip(1).Any(p => p.IsAspireSharedProject);
        var http = ports.FirstOrDefault(p => p.IsHttp);
        var tcp = ports.Count > 0 ? new AppProbe(null, ports[0].TargetPort) : null;

        var readiness = FromAnnotation(resource, ProbeType.Readiness, ports) ?? FromHealthCheck(resource, ports, http)
            ?? (usesDefaults && http is not null ? new AppProbe("/health", http.TargetPort) : tcp);
        // A replica is restarted only after a minute without answers: a slow moment must not cost a restart.
        var fallback = usesDefaults && http is not null ? new AppProbe("/alive", http.TargetPort) : tcp;
        var liveness = FromAnnotation(resource, ProbeType.Liveness, ports) ?? fallback;
        if (ReferenceEquals(liveness, fallback) && fallback is not null)
            liveness = fallback with { FailureThreshold = LivenessFailureThreshold };
        return (readiness, liveness);
    }

    private static AppProbe? FromAnnotation(IResource resource, ProbeType type, IReadOnlyList<AppPort> ports)
    {
        if (resource.Annotations.OfType<EndpointProbeAnnotation>().LastOrDefault(p => p.Type == type) is not { } probe)
            return null;
        var port = ports.FirstOrDefault(p => string.Equals(p.EndpointName, probe.EndpointReference.EndpointName, StringComparison.OrdinalIgnoreCase));
        if (port is null)
            return null;
        return new AppProbe(probe.Path, port.TargetPort)
        {
            PeriodSeconds = probe.PeriodSeconds,
            FailureThreshold = probe.FailureThreshold,
            InitialDelaySeconds = probe.InitialDelaySeconds,
            TimeoutSeconds = probe.TimeoutSeconds,
        };
    }

    /// <summary>Aspire records an HTTP health check only as its key, <c>{resource}_{endpoint}_{path}_{status}_check</c>.</summary>
    private static AppProbe? FromHealthCheck(IResource resource, IReadOnlyList<AppPort> ports, AppPort? http)
    {
        var prefix = resource.Name + "_";
        foreach (var check in resource.Annotations.OfType<HealthCheckAnnotation>().Reverse())
        {
            var key = check.Key;
            if (key.Length <= prefix.Length + "_check".Length || !key.StartsWith(prefix, StringComparison.Ordinal)
                || !key.EndsWith("_check", StringComparison.Ordinal))
                continue;
            var middle = key[prefix.Length..^"_check".Length];
            var slash = middle.IndexOf("_/", StringComparison.Ordinal);
            var status = middle.LastIndexOf('_');
            if (slash < 0 || status <= slash)
                continue;
            var endpoint = middle[..slash];
            var path = middle[(slash + 1)..status];
            var port = ports.FirstOrDefault(p => string.Equals(p.EndpointName, endpoint, StringComparison.OrdinalIgnoreCase)) ?? http;
            if (port is not null)
                return new AppProbe(path, port.TargetPort);
        }

        return null;
    }
}
