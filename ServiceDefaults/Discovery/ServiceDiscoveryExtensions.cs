using Deploy.ServiceDefaults;
using Deploy.ServiceDefaults.Discovery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configuration-based service discovery with the same names as <c>Microsoft.Extensions.ServiceDiscovery</c>, so
/// Aspire-style service code compiles unchanged.
/// </summary>
public static class ServiceDiscoveryExtensions
{
    /// <summary>Registers the resolver that maps <c>http://api</c> to <c>services:api:http:0</c> and friends.</summary>
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceEndpointResolver>();
        return services;
    }

    /// <summary>
    /// Resolves logical service URIs on this client (or on every client, when called inside
    /// <c>ConfigureHttpClientDefaults</c>). <c>https+http://api</c> prefers <c>services:api:https:0</c>, then
    /// <c>services:api:http:0</c>; a service name with neither set fails with an <see cref="InvalidOperationException"/>
    /// naming the keys. Host names with a dot, <c>localhost</c> and IP addresses are left alone.
    /// </summary>
    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        builder.Services.AddServiceDiscovery();
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers =>
            {
                if (!HttpClientNames.IsTelemetryExporter(handlers.Name))
                {
                    handlers.AdditionalHandlers.Add(new ServiceDiscoveryHandler(handlers.Services.GetRequiredService<ServiceEndpointResolver>()));
                }
            }));
        return builder;
    }
}
