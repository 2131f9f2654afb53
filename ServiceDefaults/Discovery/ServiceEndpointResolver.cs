using System.Net;
using Microsoft.Extensions.Configuration;

namespace Deploy.ServiceDefaults.Discovery;

/// <summary>
/// Resolves logical service URIs (<c>http://api/x</c>, <c>https+http://api/x</c>, <c>http://_grpc.api/x</c>) to real
/// addresses from the <c>services:&lt;name&gt;:&lt;endpoint&gt;:&lt;index&gt;</c> keys an AppHost writes for each
/// <c>WithReference</c>. Reads configuration on every call so reloaded values take effect immediately.
/// </summary>
internal sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    /// <summary>Returns <paramref name="uri"/> rewritten to the configured endpoint, or unchanged if it names a real host.</summary>
    /// <exception cref="InvalidOperationException">The URI names a service with no configured endpoint.</exception>
    public Uri Resolve(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return uri;
        }

        var schemes = uri.Scheme.Split('+', StringSplitOptions.RemoveEmptyEntries);
        var host = uri.Host;
        if (!IsServiceName(host))
        {
            // A real host name or address: only a combined scheme needs settling, on its first choice.
            return schemes.Length > 1 ? new UriBuilder(uri) { Scheme = schemes[0] }.Uri : uri;
        }

        var (service, endpointNames) = host.StartsWith('_')
            ? (host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..], new[] { host[1..host.IndexOf('.', StringComparison.Ordinal)] })
            : (host, schemes);

        var keysTried = new List<string>();
        foreach (var endpointName in endpointNames)
        {
            foreach (var key in new[] { $"services:{service}:{endpointName}:0", $"services:{service}:{endpointName}" })
            {
                keysTried.Add(key);
                var value = configuration[key];
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return Rewrite(uri, ParseEndpoint(value, endpointName, key));
                }
            }
        }

        throw MissingEndpoint(uri, service, keysTried);
    }

    /// <summary>A single DNS label such as <c>api</c>, or an <c>_endpoint.service</c> pair: names only an AppHost can resolve.</summary>
    private static bool IsServiceName(string host)
    {
        if (host.StartsWith('_'))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            return dot > 1 && dot < host.Length - 1 && host.IndexOf('.', dot + 1) < 0;
        }

        return host.Length > 0
            && !host.Contains('.', StringComparison.Ordinal)
            && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            && !IPAddress.TryParse(host, out _);
    }

    private static Uri ParseEndpoint(string value, string endpointName, string key)
    {
        var text = value.Contains("://", StringComparison.Ordinal) ? value : $"{endpointName}://{value}";
        return Uri.TryCreate(text, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException($"The configuration key '{key}' holds '{value}', which is not a URL or host:port.");
    }

    private static Uri Rewrite(Uri original, Uri endpoint) => new UriBuilder(original)
    {
        Scheme = endpoint.Scheme,
        Host = endpoint.Host,
        Port = endpoint.Port,
    }.Uri;

    private static InvalidOperationException MissingEndpoint(Uri uri, string service, List<string> keysTried)
    {
        var environment = string.Join(", ", keysTried.Select(k => k.Replace(":", "__", StringComparison.Ordinal)));
        return new InvalidOperationException(
            $"Service discovery could not resolve '{uri.GetLeftPart(UriPartial.Authority)}': none of the configuration keys " +
            $"{string.Join(", ", keysTried)} is set (environment variables {environment}). " +
            $"In the AppHost, add .WithReference({service}) to the project making this call so the orchestrator sets them, " +
            $"or set {keysTried[0]} to the service's base address (e.g. http://localhost:5000).");
    }
}
