using Embeddings;

namespace Deploy.Samples.Tests;

public sealed class FeaturizerTests
{
    [Fact]
    public void Featurize_SameText_SameFeatures()
    {
        var a = HashedNgramFeaturizer.Featurize("The quick brown fox");
        var b = HashedNgramFeaturizer.Featurize("The quick brown fox");

        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
    }

    [Fact]
    public void Featurize_AnyText_SortedDistinctIndicesInRangeUnitNorm()
    {
        var features = HashedNgramFeaturizer.Featurize("Déjà vu: the same words, the same words again! 42");

        Assert.True(features.Count > 10);
        Assert.All(features.Indices, i => Assert.InRange(i, 0, EmbeddingModel.FeatureDimension - 1));
        Assert.Equal(features.Indices.Order(), features.Indices);
        Assert.Equal(features.Indices.Length, features.Indices.Distinct().Count());
        Assert.Equal(1.0, Math.Sqrt(features.Values.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public void Featurize_CaseAndAccents_Ignored()
    {
        var plain = HashedNgramFeaturizer.Featurize("cafe deja vu");
        var decorated = HashedNgramFeaturizer.Featurize("CAFÉ, Déjà VU");

        Assert.Equal(plain.Indices, decorated.Indices);
        Assert.Equal(plain.Values, decorated.Values);
    }

    [Fact]
    public void Featurize_NoWords_Empty()
    {
        Assert.Equal(0, HashedNgramFeaturizer.Featurize("  ... !!! ").Count);
    }

    [Fact]
    public void Words_Punctuation_SplitsAndLowercases()
    {
        Assert.Equal(["hello", "world", "x2"], HashedNgramFeaturizer.Words("Hello, WORLD—x2."));
    }
}
