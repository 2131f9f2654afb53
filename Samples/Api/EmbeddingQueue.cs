using System.Diagnostics;
using System.Globalization;
using Embeddings;
using StackExchange.Redis;

namespace Api;

/// <summary>Enqueues embedding jobs on the Redis stream the GpuWorker pool consumes.</summary>
public sealed class EmbeddingQueue(IConnectionMultiplexer redis)
{
    /// <summary>Adds a job for <paramref name="documentId"/>, carrying the current trace context so the worker's span
    /// continues this request's trace. Returns the stream entry id.</summary>
    public async Task<string> EnqueueAsync(long documentId)
    {
        var fields = new List<NameValueEntry>(3)
        {
            new(EmbeddingJobs.DocumentIdField, documentId.ToString(CultureInfo.InvariantCulture)),
        };
        // Activity.Id is the W3C traceparent when the id format is W3C (the default since .NET 5).
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            fields.Add(new(EmbeddingJobs.TraceParentField, activity.Id));
            if (!string.IsNullOrEmpty(activity.TraceStateString))
                fields.Add(new(EmbeddingJobs.TraceStateField, activity.TraceStateString));
        }

        var id = await redis.GetDatabase().StreamAddAsync(EmbeddingJobs.Stream, [.. fields]);
        return id.ToString();
    }
}
