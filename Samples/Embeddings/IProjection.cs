namespace Embeddings;

/// <summary>The dense step of the model, on some device: multiplies a batch of feature vectors by the
/// <see cref="ProjectionMatrix"/>. Results are not normalised (<see cref="Embedder"/> does that, identically for
/// every device).</summary>
public interface IProjection : IDisposable
{
    /// <summary>Where it runs, for logs: <c>cpu</c>, or the GPU's name.</summary>
    string Device { get; }

    /// <summary>One output row of <see cref="EmbeddingModel.Dimension"/> floats per input.</summary>
    float[][] Project(IReadOnlyList<SparseVector> batch);
}
