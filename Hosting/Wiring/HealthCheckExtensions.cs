using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary><c>WithHttpHealthCheck</c>: probed in run mode; publishers turn it into probes.</summary>
public static class HealthCheckExtensions
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The resource is healthy when <c>GET path</c> on its HTTP endpoint returns <paramref name="statusCode"/>.</summary>
    /// <param name="builder">The resource.</param>
    /// <param name="path">The path to probe, <c>/</c> by default.</param>
    /// <param name="statusCode">The expected status, 200 by default.</param>
    /// <param name="endpointName">The endpoint; by default the first of <c>https</c>, <c>http</c>.</param>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string? path = null, int? statusCode = null,
        string? endpointName = null) where T : IResourceWithEndpoints
    {
        var resource = builder.Resource;
        var declaration = new HttpHealthCheckAnnotation(path ?? "/", statusCode ?? 200, endpointName);
        builder.WithAnnotation(declaration);
        return builder.WithAnnotation(new HealthCheckAnnotation($"{resource.Name}_http_check", async cancellationToken =>
        {
            var endpoint = ResolveEndpoint(resource, endpointName);
            if (endpoint is null)
                return HealthCheckResult.Unhealthy($"Resource '{resource.Name}' has no HTTP endpoint to probe.");
            var url = new Uri(new Uri(endpoint.Url), declaration.Path);
            using var response = await Probe.GetAsync(url, cancellationToken);
            return (int)response.StatusCode == declaration.StatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET {url} returned {(int)response.StatusCode}, expected {declaration.StatusCode}.");
        }));
    }

    internal static EndpointReference? ResolveEndpoint(IResourceWithEndpoints resource, string? endpointName)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var chosen = endpointName is not null
            ? endpoints.FirstOrDefault(e => string.Equals(e.Name, endpointName, StringComparison.OrdinalIgnoreCase))
            : endpoints.FirstOrDefault(e => e.UriScheme == "https") ?? endpoints.FirstOrDefault(e => e.UriScheme == "http");
        return chosen is null ? null : new EndpointReference(resource, chosen.Name);
    }
}
