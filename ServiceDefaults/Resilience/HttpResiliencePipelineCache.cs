using System.Collections.Concurrent;
using Polly;

namespace Deploy.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline per client name and settings, shared for the app's lifetime. IHttpClientFactory rebuilds handlers
/// every few minutes; keeping the pipeline outside them keeps circuit-breaker state across rebuilds.
/// </summary>
internal sealed class HttpResiliencePipelineCache
{
    private readonly ConcurrentDictionary<(string Name, StandardResilienceOptions Options), ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> Get(string clientName, StandardResilienceOptions options) =>
        _pipelines.GetOrAdd((clientName, options), static key => HttpResiliencePipelineFactory.Create(key.Options));
}
