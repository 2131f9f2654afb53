using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Compose <c>healthcheck</c>s. Compose runs them inside the container, so each must use a program the image
/// has: a readiness command the resource declares (<c>pg_isready</c>, <c>redis-cli</c>), or, for an HTTP health endpoint of a
/// project built from the generated Dockerfile, bash's <c>/dev/tcp</c> (the ASP.NET runtime image has bash but no curl or wget).</summary>
/// <remarks>An HTTP health endpoint on any other image gets no healthcheck: its tools are unknown, and a probe that cannot
/// run would keep the service unhealthy forever. Services that wait for it then use <c>service_started</c>.</remarks>
internal static class ComposeHealthChecks
{
    /// <summary>The healthcheck of a service, or null when it has none.</summary>
    public static OrderedDictionary<string, object>? Build(IResource resource, ComposeBuild? build, ComposeTopology topology)
    {
        if (resource.Annotations.OfType<ReadinessCommandAnnotation>().LastOrDefault() is { Command.Count: > 0 } readiness)
            return Check(["CMD", .. readiness.Command.Select(ComposeNames.EscapeLiteral)]);

        if (resource.Annotations.OfType<HttpHealthCheckAnnotation>().LastOrDefault() is { } http && build is { IsGenerated: true }
            && RuntimeImageHasBash() && Endpoint(resource, http, topology) is { } port)
        {
            return Check(["CMD", "bash", "-c", ComposeNames.EscapeLiteral(HttpProbe(port, http.Path, http.StatusCode))]);
        }

        return null;
    }

    /// <summary>A one-line HTTP/1.1 GET over bash's <c>/dev/tcp</c> that succeeds when the status line has the expected code.</summary>
    internal static string HttpProbe(int port, string path, int statusCode)
    {
        var target = path.StartsWith('/') ? path : "/" + path;
        return string.Create(CultureInfo.InvariantCulture,
            $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET {target} HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' {statusCode} '");
    }

    // The generated Dockerfile's runtime stage is a full (not chiseled, not distroless) ASP.NET image, which ships bash,
    // head and grep. Should the generator move to an image without a shell, projects lose their healthcheck rather than
    // get one that can never pass.
    private static bool RuntimeImageHasBash() =>
        !DockerfileGenerator.RuntimeImage.Contains("chiseled", StringComparison.Ordinal)
        && !DockerfileGenerator.RuntimeImage.Contains("distroless", StringComparison.Ordinal)
        && !DockerfileGenerator.RuntimeImage.Contains("alpine", StringComparison.Ordinal);

    private static int? Endpoint(IResource resource, HttpHealthCheckAnnotation http, ComposeTopology topology)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var endpoint = http.EndpointName is not null
            ? endpoints.FirstOrDefault(e => string.Equals(e.Name, http.EndpointName, StringComparison.OrdinalIgnoreCase))
            : endpoints.FirstOrDefault(e => e.UriScheme == "http");

        // Plain HTTP only: bash cannot speak TLS, and the container's HTTPS port needs a certificate anyway.
        return endpoint is { UriScheme: "http" } ? topology.TargetPort(resource, endpoint.Name) : null;
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
