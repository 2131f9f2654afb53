namespace Embeddings;

/// <summary>The contract of the embedding queue between the Api (producer) and the GpuWorker (consumers): a Redis
/// stream read through one consumer group, one entry per document.</summary>
public static class EmbeddingJobs
{
    /// <summary>The stream.</summary>
    public const string Stream = "embedding-jobs";

    /// <summary>The consumer group every worker replica joins (each entry goes to one of them).</summary>
    public const string Group = "embedders";

    /// <summary>The document to embed (its id; the text is read from Postgres, so messages stay small).</summary>
    public const string DocumentIdField = "document_id";

    /// <summary>W3C trace context of the request that created the job, so the worker's span joins that trace.</summary>
    public const string TraceParentField = "traceparent";

    /// <summary>W3C trace state, when the request had one.</summary>
    public const string TraceStateField = "tracestate";
}
