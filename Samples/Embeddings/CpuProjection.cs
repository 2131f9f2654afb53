using System.Numerics.Tensors;

namespace Embeddings;

/// <summary>The projection on the CPU with <see cref="TensorPrimitives"/> (SIMD). The inputs are sparse (a few dozen of
/// 4096 features are set), so each output is a sum of the matrix rows of the features present: far less work than a
/// dense product.</summary>
public sealed class CpuProjection(ProjectionMatrix matrix) : IProjection
{
    /// <summary>On the model's matrix.</summary>
    public CpuProjection()
        : this(ProjectionMatrix.Default)
    {
    }

    /// <inheritdoc />
    public string Device => "cpu";

    /// <inheritdoc />
    public float[][] Project(IReadOnlyList<SparseVector> batch)
    {
        var result = new float[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            var output = new float[ProjectionMatrix.Columns];
            var features = batch[i];
            for (var f = 0; f < features.Count; f++)
                TensorPrimitives.MultiplyAdd(matrix.Row(features.Indices[f]), features.Values[f], output, output);
            result[i] = output;
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
