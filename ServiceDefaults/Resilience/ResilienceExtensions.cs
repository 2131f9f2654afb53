using Deploy.ServiceDefaults;
using Deploy.ServiceDefaults.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The standard resilience handler, with the name <c>Microsoft.Extensions.Http.Resilience</c> uses.</summary>
public static class ResilienceExtensions
{
    /// <summary>
    /// Adds total timeout, retry with jittered exponential back-off on transient failures (5xx, 408, 429,
    /// <see cref="HttpRequestException"/>, attempt timeouts), a circuit breaker and a per-attempt timeout to this
    /// client (or to every client, inside <c>ConfigureHttpClientDefaults</c>). The pipeline is shared per client name.
    /// </summary>
    /// <param name="builder">The client to configure.</param>
    /// <param name="options">Settings; <see cref="StandardResilienceOptions.Default"/> when null.</param>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, StandardResilienceOptions? options = null)
    {
        var settings = options ?? StandardResilienceOptions.Default;
        builder.Services.TryAddSingleton<HttpResiliencePipelineCache>();
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, factoryOptions =>
            factoryOptions.HttpMessageHandlerBuilderActions.Add(handlers =>
            {
                if (!HttpClientNames.IsTelemetryExporter(handlers.Name))
                {
                    var pipelines = handlers.Services.GetRequiredService<HttpResiliencePipelineCache>();
                    handlers.AdditionalHandlers.Add(new ResilienceHandler(pipelines.Get(handlers.Name ?? string.Empty, settings)));
                }
            }));
        return builder;
    }
}
