using System.Numerics.Tensors;

namespace Embeddings;

/// <summary>Text to unit-length embedding: featurise, project on the given device, normalise.</summary>
public sealed class Embedder(IProjection projection)
{
    /// <summary>Where the projection runs.</summary>
    public string Device => projection.Device;

    /// <summary>Embeds one text.</summary>
    public float[] Embed(string text) => EmbedBatch([text])[0];

    /// <summary>Embeds a batch in one projection call (one kernel launch on a GPU).</summary>
    public float[][] EmbedBatch(IReadOnlyList<string> texts)
    {
        var features = texts.Select(HashedNgramFeaturizer.Featurize).ToList();
        var vectors = projection.Project(features);
        foreach (var vector in vectors)
            Normalize(vector);
        return vectors;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector, from text with no words, stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);
}
