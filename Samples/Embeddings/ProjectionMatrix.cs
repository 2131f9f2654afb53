namespace Embeddings;

/// <summary>The dense projection's weights: <see cref="EmbeddingModel.FeatureDimension"/> rows of
/// <see cref="EmbeddingModel.Dimension"/> floats, row-major (row <c>i</c> is what feature <c>i</c> adds to the output).
/// Generated from <see cref="EmbeddingModel.Seed"/>, so there is nothing to download and every process agrees.</summary>
public sealed class ProjectionMatrix
{
    private static readonly Lazy<ProjectionMatrix> Instance = new(() => new ProjectionMatrix(EmbeddingModel.Seed));
    private readonly float[] _weights;

    /// <summary>Generates the matrix for <paramref name="seed"/>.</summary>
    public ProjectionMatrix(ulong seed)
    {
        _weights = new float[Rows * Columns];
        var state = seed;
        // Uniform in [-1, 1): a random projection preserves cosine similarity in expectation (Johnson–Lindenstrauss);
        // the scale is irrelevant because every embedding is normalised afterwards.
        for (var i = 0; i < _weights.Length; i++)
            _weights[i] = (float)((SplitMix64(ref state) >> 40) / (double)(1UL << 23)) - 1f;
    }

    /// <summary>The model's matrix, generated once per process.</summary>
    public static ProjectionMatrix Default => Instance.Value;

    /// <summary>Input dimension.</summary>
    public static int Rows => EmbeddingModel.FeatureDimension;

    /// <summary>Output dimension.</summary>
    public static int Columns => EmbeddingModel.Dimension;

    /// <summary>All weights, row-major.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The weights feature <paramref name="row"/> contributes.</summary>
    public ReadOnlySpan<float> Row(int row) => _weights.AsSpan(row * Columns, Columns);

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E37_79B9_7F4A_7C15;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
