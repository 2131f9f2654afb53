namespace Deploy.ServiceDefaults.Discovery;

/// <summary>
/// Rewrites each outgoing request's logical service URI to the configured endpoint. It sits inside the
/// resilience handler so every retry attempt resolves again and picks up a changed endpoint.
/// </summary>
internal sealed class ServiceDiscoveryHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = resolver.Resolve(uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
