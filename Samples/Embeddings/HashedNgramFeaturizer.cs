using System.Globalization;
using System.Text;

namespace Embeddings;

/// <summary>Turns text into a sparse vector of hashed word unigrams, word bigrams and character trigrams, weighted by
/// log term frequency and L2-normalised. Deterministic (FNV-1a, no per-process hash seed), so every process agrees.</summary>
public static class HashedNgramFeaturizer
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    // Words carry most of the meaning; trigrams make misspellings and inflections land near each other.
    private const float WordWeight = 1.0f;
    private const float BigramWeight = 0.7f;
    private const float TrigramWeight = 0.35f;

    /// <summary>The features of <paramref name="text"/>; empty when it has no letters or digits.</summary>
    public static SparseVector Featurize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<int, float>();
        string? previous = null;
        Span<char> padded = stackalloc char[66];
        foreach (var word in Words(text))
        {
            Add(counts, Finish(Mix(Mix(FnvOffset, "w:"), word)), WordWeight);
            if (previous is not null)
                Add(counts, Finish(Mix(Mix(Mix(Mix(FnvOffset, "b:"), previous), " "), word)), BigramWeight);
            // Trigrams of "#word#"; words longer than 64 characters contribute trigrams of their first 64 only.
            var length = Math.Min(word.Length, 64);
            padded[0] = '#';
            word.AsSpan(0, length).CopyTo(padded[1..]);
            padded[length + 1] = '#';
            for (var i = 0; i + 3 <= length + 2; i++)
                Add(counts, Finish(Mix(Mix(FnvOffset, "c:"), padded.Slice(i, 3))), TrigramWeight);
            previous = word;
        }

        var indices = counts.Keys.Order().ToArray();
        var values = new float[indices.Length];
        var norm = 0.0;
        for (var i = 0; i < indices.Length; i++)
        {
            // Sub-linear term frequency: a word repeated ten times is not ten times as important.
            var weight = counts[indices[i]];
            values[i] = MathF.Sign(weight) * MathF.Log(1 + MathF.Abs(weight));
            norm += values[i] * values[i];
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < values.Length; i++)
                values[i] *= scale;
        }

        return new SparseVector(indices, values);
    }

    /// <summary>Lower-cased runs of letters and digits, after removing accents.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
            yield return word.ToString();
    }

    // The sign bit spreads collisions: two features in one bucket cancel on average instead of always adding up.
    private static void Add(Dictionary<int, float> counts, uint hash, float weight)
    {
        var bucket = (int)(hash % EmbeddingModel.FeatureDimension);
        var signed = (hash & 0x8000_0000) == 0 ? weight : -weight;
        counts[bucket] = counts.GetValueOrDefault(bucket) + signed;
    }

    private static uint Mix(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        return hash;
    }

    // FNV's low bits mix poorly for short inputs; one avalanche round fixes the bucket distribution.
    private static uint Finish(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EB_CA6B;
        hash ^= hash >> 13;
        return hash;
    }
}
