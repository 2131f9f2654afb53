namespace Embeddings;

/// <summary>The fixed shape of the model. Changing any of these changes every vector, so the name changes with them
/// (it is stored next to each vector).</summary>
public static class EmbeddingModel
{
    /// <summary>Stored with each vector so that vectors of another model version are never compared.</summary>
    public const string Name = "hashed-ngram-4096x512-v1";

    /// <summary>Hashed feature buckets (input dimension of the projection).</summary>
    public const int FeatureDimension = 4096;

    /// <summary>Embedding size (output dimension of the projection).</summary>
    public const int Dimension = 512;

    /// <summary>Seed of the projection matrix: every process generates the same matrix from it.</summary>
    public const ulong Seed = 0x5EED_0F_DE9_10Eul;

    /// <summary>The largest difference allowed between the GPU and CPU result for one component of a unit vector.
    /// Both paths sum the same float32 products, in a different order; a few dozen terms give errors near 1e-6, so
    /// 1e-4 leaves room for fused multiply-adds and other GPU reorderings while still catching a wrong layout.</summary>
    public const float DeviceTolerance = 1e-4f;
}
