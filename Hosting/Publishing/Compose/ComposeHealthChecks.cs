// Probes are experimental in Aspire 13.6; they are what Aspire's own publishers read, so Deploy reads them too.
#pragma warning disable ASPIREPROBES001

using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Resources;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Compose <c>healthcheck</c>s. Compose runs them inside the container, so each must use a program the image
/// has: a readiness command the resource declares, the client of a known image (<c>pg_isready</c>, <c>redis-cli</c>; keyed
/// by the image's name), or, for an HTTP health check of a project built from the generated Dockerfile, bash's
/// <c>/dev/tcp</c> (the ASP.NET runtime image has bash but no curl or wget).</summary>
/// <remarks>An HTTP health check on any other image gets no healthcheck: its tools are unknown, and a probe that cannot
/// run would keep the service unhealthy forever. Services that wait for it then use <c>service_started</c>.</remarks>
internal static class ComposeHealthChecks
{
    /// <summary>The healthcheck of a service, or null when it has none.</summary>
    public static OrderedDictionary<string, object>? Build(IResource resource, ComposeBuild? build, ComposeTopology topology,
        IReadOnlyDictionary<string, object> environment)
    {
        if (resource.Annotations.OfType<ReadinessCommandAnnotation>().LastOrDefault() is { Command.Count: > 0 } readiness)
            return Check(["CMD", .. readiness.Command.Select(ComposeNames.EscapeLiteral)]);

        if (build is null && resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault() is { } image
            && KnownImageProbe(ComposeNames.ImageBaseName(image), resource, topology, environment) is { } probe)
        {
            return Check(["CMD", "/bin/sh", "-c", probe]);
        }

        // WithHttpProbe declares timings too; readiness is what depends_on waits for, so it is preferred.
        if (build is { IsGenerated: true } && RuntimeImageHasBash() && DeclaredProbe(resource, topology) is { } declared)
            return declared;

        if (HttpHealthCheck.Find(resource) is { } http && build is { IsGenerated: true } && RuntimeImageHasBash()
            && ServedHttpPort(resource, http, topology) is { } port)
        {
            return Check(["CMD", "bash", "-c", ComposeNames.EscapeLiteral(HttpProbe(port, http.Path, http.StatusCode))]);
        }

        return null;
    }

    /// <summary>A one-line HTTP/1.1 GET over bash's <c>/dev/tcp</c> that succeeds when the status line has the expected code.</summary>
    internal static string HttpProbe(int port, string path, int statusCode) =>
        HttpProbe(port, path, statusCode.ToString(CultureInfo.InvariantCulture));

    // The status is a grep pattern: a probe passes on any 2xx or 3xx, as Kubernetes and Container Apps probes do.
    private static string HttpProbe(int port, string path, string status) => string.Create(CultureInfo.InvariantCulture,
        $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET {path} HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' {status} '");

    private static OrderedDictionary<string, object>? DeclaredProbe(IResource resource, ComposeTopology topology)
    {
        var probes = resource.Annotations.OfType<EndpointProbeAnnotation>().ToList();
        var probe = new[] { ProbeType.Readiness, ProbeType.Startup, ProbeType.Liveness }
            .Select(type => probes.LastOrDefault(p => p.Type == type)).FirstOrDefault(p => p is not null);
        var endpoint = probe is null ? null : resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(e => string.Equals(e.Name, probe.EndpointReference.EndpointName, StringComparison.OrdinalIgnoreCase));
        if (probe is null || endpoint is null || endpoint.UriScheme != "http" || topology.TargetPort(endpoint) is not { } port)
            return null;
        var path = probe.Path.StartsWith('/') ? probe.Path : "/" + probe.Path;
        var check = Check(["CMD", "bash", "-c", ComposeNames.EscapeLiteral(HttpProbe(port, path, "[23][0-9][0-9]"))]);
        check["interval"] = Seconds(probe.PeriodSeconds);
        check["timeout"] = Seconds(probe.TimeoutSeconds);
        check["retries"] = probe.FailureThreshold;
        check["start_period"] = Seconds(probe.InitialDelaySeconds);
        return check;
    }

    private static string Seconds(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds}s");

    // Already escaped for Compose ('$$' reaches the shell as '$'): the shell reads the credentials from the container's
    // own environment, so the probe never holds a secret.
    private static string? KnownImageProbe(string imageName, IResource resource, ComposeTopology topology, IReadOnlyDictionary<string, object> environment)
    {
        var port = resource.Annotations.OfType<EndpointAnnotation>().Select(topology.TargetPort).FirstOrDefault(p => p is not null);
        var portText = port?.ToString(CultureInfo.InvariantCulture);
        return imageName switch
        {
            "postgres" => $"pg_isready -U \"$$POSTGRES_USER\" -h 127.0.0.1 -p {portText ?? "5432"}",
            "redis" when environment.ContainsKey("REDIS_PASSWORD") =>
                $"redis-cli -p {portText ?? "6379"} -a \"$$REDIS_PASSWORD\" --no-auth-warning ping | grep -q PONG",
            "redis" => $"redis-cli -p {portText ?? "6379"} ping | grep -q PONG",
            _ => null,
        };
    }

    // The generated Dockerfile's runtime stage is a full (not chiseled, not distroless) ASP.NET image, which ships bash,
    // head and grep. Should the generator move to an image without a shell, projects lose their healthcheck rather than
    // get one that can never pass.
    private static bool RuntimeImageHasBash() =>
        !DockerfileGenerator.RuntimeImage.Contains("chiseled", StringComparison.Ordinal)
        && !DockerfileGenerator.RuntimeImage.Contains("distroless", StringComparison.Ordinal)
        && !DockerfileGenerator.RuntimeImage.Contains("alpine", StringComparison.Ordinal);

    // Plain HTTP only: bash cannot speak TLS. A project's https endpoint is not served in the container (TLS ends in front
    // of Compose), so a check declared on it probes the project's http endpoint instead.
    private static int? ServedHttpPort(IResource resource, HttpHealthCheck http, ComposeTopology topology)
    {
        if (http.Endpoint.UriScheme == "http")
            return topology.TargetPort(http.Endpoint);
        return resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme == "http").Select(topology.TargetPort)
            .FirstOrDefault(p => p is not null);
    }

    private static OrderedDictionary<string, object> Check(List<string> test)
    {
        var check = ComposeYaml.Map();
        check["test"] = test;
        check["interval"] = "5s";
        check["timeout"] = "5s";
        check["retries"] = 12;

        // Failures while the service starts (Postgres initialising its data directory, say) do not count.
        check["start_period"] = "30s";
        return check;
    }
}
