using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Chooses probes from the model's health primitives.</summary>
/// <remarks>Readiness: the resource's readiness command, else its HTTP health check, else <c>/health</c> for projects
/// built on service defaults. Liveness: <c>/alive</c> for those projects (it checks only that the process responds,
/// so a failing dependency does not get pods killed), else a TCP connect to the first port.</remarks>
internal static class Probes
{
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";

    public static ProbePlan? Readiness(IResource resource, ProjectResource? project, IReadOnlyList<PortPlan> ports)
    {
        if (resource.Annotations.OfType<ReadinessCommandAnnotation>().LastOrDefault() is { } command)
            return new ProbePlan(null, null, command.Command, null);

        var http = ports.FirstOrDefault(p => p.IsHttp);
        if (resource.Annotations.OfType<HttpHealthCheckAnnotation>().LastOrDefault() is { } check)
        {
            var port = check.EndpointName is null ? http
                : ports.FirstOrDefault(p => string.Equals(p.EndpointName, check.EndpointName, StringComparison.OrdinalIgnoreCase)) ?? http;
            return port is null ? null : new ProbePlan(check.Path, port.PortName, null, null);
        }

        return project is not null && http is not null && UsesServiceDefaults(project) ? new ProbePlan(ReadinessPath, http.PortName, null, null) : null;
    }

    public static ProbePlan? Liveness(ProjectResource? project, IReadOnlyList<PortPlan> ports)
    {
        var http = ports.FirstOrDefault(p => p.IsHttp);
        if (project is not null && http is not null && UsesServiceDefaults(project))
            return new ProbePlan(LivenessPath, http.PortName, null, null);
        var first = ports.FirstOrDefault(p => !p.IsUdp);
        return first is null ? null : new ProbePlan(null, null, null, first.PortName);
    }

    /// <summary>Service defaults map <c>/health</c> and <c>/alive</c>; a project uses them when it references the
    /// shared project (Aspire marks it <c>IsAspireSharedProject</c>).</summary>
    public static bool UsesServiceDefaults(ProjectResource project) =>
        ProjectFile.ReadClosure(project.Metadata.ProjectPath).Skip(1).Any(p => p.IsAspireSharedProject);
}
