namespace Embeddings;

/// <summary>A sparse feature vector: sorted, distinct indices with their values.</summary>
/// <param name="Indices">Feature indices in ascending order, each below the feature dimension.</param>
/// <param name="Values">The value of each index.</param>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    /// <summary>How many features are non-zero.</summary>
    public int Count => Indices.Length;
}
