using Polly;

namespace Deploy.ServiceDefaults.Resilience;

/// <summary>Runs each request through the resilience pipeline; the inner handlers run once per attempt.</summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendAttemptAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken);

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
