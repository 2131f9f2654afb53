using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Resources;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Chooses probes from the model's health primitives.</summary>
/// <remarks>Readiness: Aspire's readiness probe (<c>WithHttpProbe</c>), else the resource's readiness command (its own or
/// the known one of its image), else its HTTP health check (<c>WithHttpHealthCheck</c>), else <c>/health</c> for projects
/// built on service defaults. Liveness: Aspire's liveness probe, else <c>/alive</c> for those projects (it checks only
/// that the process responds, so a failing dependency does not get pods killed), else a TCP connect to the first port.
/// Startup: only Aspire's startup probe. Declared probes keep their timings; the others get the defaults of the pod template.</remarks>
#pragma warning disable ASPIREPROBES001 // Aspire's probe annotations are experimental; they are read, not created.
internal static partial class Probes
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";

    public static ProbePlan? Readiness(IResource resource, ProjectResource? project, IReadOnlyList<PortPlan> ports)
    {
        if (Declared(resource, ProbeType.Readiness, ports) is { } declared)
            return declared;
        if ((resource.Annotations.OfType<ReadinessCommandAnnotation>().LastOrDefault()?.Command ?? KnownImages.ReadinessCommand(resource)) is { } command)
            return new ProbePlan(null, null, command, null);

        var http = ports.FirstOrDefault(p => p.IsHttp);
        if (HttpHealthCheck(resource) is { } check)
        {
            var port = ports.FirstOrDefault(p => string.Equals(p.EndpointName, check.EndpointName, StringComparison.OrdinalIgnoreCase)) ?? http;
            return port is null ? null : new ProbePlan(check.Path, port.PortName, null, null);
        }

        return project is not null && http is not null && UsesServiceDefaults(project) ? new ProbePlan(ReadinessPath, http.PortName, null, null) : null;
    }

    public static ProbePlan? Liveness(IResource resource, ProjectResource? project, IReadOnlyList<PortPlan> ports)
    {
        if (Declared(resource, ProbeType.Liveness, ports) is { } declared)
            return declared;
        var http = ports.FirstOrDefault(p => p.IsHttp);
        if (project is not null && http is not null && UsesServiceDefaults(project))
            return new ProbePlan(LivenessPath, http.PortName, null, null);
        var first = ports.FirstOrDefault(p => !p.IsUdp);
        return first is null ? null : new ProbePlan(null, null, null, first.PortName);
    }

    /// <summary>Service defaults map <c>/health</c> and <c>/alive</c>; a project uses them when it references the
    /// shared project (Aspire marks it <c>IsAspireSharedProject</c>).</summary>
    public static bool UsesServiceDefaults(ProjectResource project) =>
        ProjectFile.ReadClosure(project.GetProjectMetadata().ProjectPath).Skip(1).Any(p => p.IsAspireSharedProject);

    /// <summary>The endpoint and path of <c>WithHttpHealthCheck</c>. Aspire keeps them only in the health check's key,
    /// <c>&lt;resource&gt;_&lt;endpoint&gt;_&lt;path&gt;_&lt;status&gt;_check</c> (names cannot contain '_').</summary>
    public static (string EndpointName, string Path)? HttpHealthCheck(IResource resource)
    {
        foreach (var annotation in resource.Annotations.OfType<HealthCheckAnnotation>().Reverse())
        {
            var prefix = resource.Name + "_";
            if (!annotation.Key.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var match = HealthCheckKey().Match(annotation.Key[prefix.Length..]);
            if (match.Success && match.Groups["path"].Value.StartsWith('/'))
                return (match.Groups["endpoint"].Value, match.Groups["path"].Value);
        }

        return null;
    }

    /// <summary>Aspire's startup probe (<c>WithHttpProbe(ProbeType.Startup, ...)</c>); nothing else implies one.</summary>
    public static ProbePlan? Startup(IResource resource, IReadOnlyList<PortPlan> ports) => Declared(resource, ProbeType.Startup, ports);

    /// <summary>A declared probe keeps its own timings: the author chose them for how the app starts and fails.</summary>
    private static ProbePlan? Declared(IResource resource, ProbeType type, IReadOnlyList<PortPlan> ports)
    {
        var probe = resource.Annotations.OfType<EndpointProbeAnnotation>().LastOrDefault(p => p.Type == type);
        var port = probe is null ? null
            : ports.FirstOrDefault(p => string.Equals(p.EndpointName, probe.EndpointReference.EndpointName, StringComparison.OrdinalIgnoreCase));
        return probe is null || port is null ? null : new ProbePlan(probe.Path, port.PortName, null, null)
        {
            Timing = new ProbeTiming(probe.InitialDelaySeconds, probe.PeriodSeconds, probe.TimeoutSeconds, probe.FailureThreshold, probe.SuccessThreshold),
        };
    }

    [GeneratedRegex("^(?<endpoint>[^_]+)_(?<path>.*)_(?<status>[0-9]+)_check$")]
    private static partial Regex HealthCheckKey();
}
