using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>The HTTP health check <c>WithHttpHealthCheck</c> declared: which endpoint, path and status code.</summary>
/// <remarks>Aspire keeps these only inside its health-check registration; the one public trace is the
/// <see cref="HealthCheckAnnotation"/> key, <c>{resource}_{endpoint}_{path}_{status}_check</c> (13.6), read here. Aspire
/// pinned exactly, the goldens fail if that format changes.</remarks>
internal sealed record HttpHealthCheck(EndpointAnnotation Endpoint, string Path, int StatusCode)
{
    public static HttpHealthCheck? Find(IResource resource)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().OrderByDescending(e => e.Name.Length).ToList();
        foreach (var annotation in resource.Annotations.OfType<HealthCheckAnnotation>().Reverse())
        {
            var prefix = resource.Name + "_";
            if (!annotation.Key.StartsWith(prefix, StringComparison.Ordinal) || !annotation.Key.EndsWith("_check", StringComparison.Ordinal))
                continue;
            var middle = annotation.Key[prefix.Length..^"_check".Length];
            var endpoint = endpoints.FirstOrDefault(e => middle.StartsWith(e.Name + "_", StringComparison.Ordinal));
            var lastSeparator = middle.LastIndexOf('_');
            if (endpoint is null || lastSeparator <= endpoint.Name.Length
                || !int.TryParse(middle[(lastSeparator + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }

            var path = middle[(endpoint.Name.Length + 1)..lastSeparator];
            return new(endpoint, path.StartsWith('/') ? path : "/" + path, status);
        }

        return null;
    }
}
