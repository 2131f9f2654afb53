using System.Diagnostics;
using System.Globalization;
using Deploy.ServiceDefaults.Redis;
using Embeddings;

namespace Api;

/// <summary>Enqueues embedding jobs on the Redis stream the GpuWorker pool consumes.</summary>
public sealed class EmbeddingQueue(RedisClient redis)
{
    /// <summary>Adds a job for <paramref name="documentId"/>, carrying the current trace context so the worker's span
    /// continues this request's trace. Returns the stream entry id.</summary>
    public Task<string> EnqueueAsync(long documentId, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>(3)
        {
            new(EmbeddingJobs.DocumentIdField, documentId.ToString(CultureInfo.InvariantCulture)),
        };
        // Activity.Id is the W3C traceparent when the id format is W3C (the default since .NET 5).
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            fields.Add(new(EmbeddingJobs.TraceParentField, activity.Id!));
            if (!string.IsNullOrEmpty(activity.TraceStateString))
                fields.Add(new(EmbeddingJobs.TraceStateField, activity.TraceStateString));
        }

        return redis.StreamAddAsync(EmbeddingJobs.Stream, fields, cancellationToken);
    }
}
