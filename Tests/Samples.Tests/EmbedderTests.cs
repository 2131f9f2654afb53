using System.Diagnostics;
using Embeddings;

namespace Deploy.Samples.Tests;

public sealed class EmbedderTests(ITestOutputHelper output)
{
    private readonly Embedder _embedder = new(new CpuProjection());

    [Fact]
    public void ProjectionMatrix_SameSeed_SameWeights()
    {
        var again = new ProjectionMatrix(EmbeddingModel.Seed);

        Assert.True(again.Weights.SequenceEqual(ProjectionMatrix.Default.Weights));
        Assert.False(new ProjectionMatrix(EmbeddingModel.Seed + 1).Weights.SequenceEqual(ProjectionMatrix.Default.Weights));
    }

    [Fact]
    public void Embed_AnyText_UnitLengthOfModelDimension()
    {
        var vector = _embedder.Embed("vectors should have unit length");

        Assert.Equal(EmbeddingModel.Dimension, vector.Length);
        Assert.Equal(1f, Embedder.Similarity(vector, vector), 4);
    }

    [Fact]
    public void CpuProjection_SparseInput_EqualsDenseMatrixProduct()
    {
        var features = HashedNgramFeaturizer.Featurize("a sparse sum must equal the dense product");
        var dense = new double[EmbeddingModel.Dimension];
        for (var f = 0; f < features.Count; f++)
        {
            var row = ProjectionMatrix.Default.Row(features.Indices[f]);
            for (var j = 0; j < dense.Length; j++)
                dense[j] += features.Values[f] * (double)row[j];
        }

        var projected = new CpuProjection().Project([features])[0];

        for (var j = 0; j < dense.Length; j++)
            Assert.Equal(dense[j], projected[j], tolerance: 1e-5);
    }

    [Fact]
    public void EmbedBatch_Batch_SameAsOneByOne()
    {
        string[] texts = ["first text", "second, longer text about storage", "third"];

        var batch = _embedder.EmbedBatch(texts);

        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(_embedder.Embed(texts[i]), batch[i]);
    }

    [Fact]
    public void Similarity_RelatedText_HigherThanUnrelated()
    {
        var query = _embedder.Embed("database backup and restore");
        var related = _embedder.Embed("How to restore a database from a nightly backup");
        var unrelated = _embedder.Embed("Chocolate cake recipe with fresh strawberries");

        Assert.True(Embedder.Similarity(query, related) > Embedder.Similarity(query, unrelated) + 0.2f);
    }

    // The end-to-end test relies on this: over the 500-document sample corpus, every query ranks its document first.
    [Fact]
    public void SampleCorpus_500Documents_EveryQueryRanksItsDocumentFirst()
    {
        var documents = _embedder.EmbedBatch(Enumerable.Range(0, 500).Select(i => SampleCorpus.Document(i).Text).ToList());
        var misses = new List<int>();
        var margin = float.MaxValue;
        for (var i = 0; i < documents.Length; i++)
        {
            var query = _embedder.Embed(SampleCorpus.Query(i));
            var best = Enumerable.Range(0, documents.Length).MaxBy(d => Embedder.Similarity(query, documents[d]));
            if (best != i)
                misses.Add(i);
            var own = Embedder.Similarity(query, documents[i]);
            var other = Enumerable.Range(0, documents.Length).Where(d => d != i).Max(d => Embedder.Similarity(query, documents[d]));
            margin = Math.Min(margin, own - other);
        }

        output.WriteLine($"smallest margin between the expected document and the next: {margin:F3}");
        Assert.Empty(misses);
    }

    // A figure for the closing note, not a timed assertion.
    [Fact]
    public void EmbedBatch_CpuThroughput_Printed()
    {
        var texts = Enumerable.Range(0, 2000).Select(i => SampleCorpus.Document(i).Text).ToList();
        _embedder.EmbedBatch(texts.Take(32).ToList());
        var watch = Stopwatch.StartNew();
        var vectors = texts.Chunk(32).SelectMany(_embedder.EmbedBatch).ToList();
        watch.Stop();

        output.WriteLine($"CPU: {texts.Count / watch.Elapsed.TotalSeconds:F0} documents/s");
        Assert.Equal(texts.Count, vectors.Count);
    }
}
