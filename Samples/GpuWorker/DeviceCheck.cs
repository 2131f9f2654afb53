using System.Diagnostics;
using Embeddings;

namespace GpuWorker;

/// <summary><c>dotnet GpuWorker.dll --device-check [documents]</c>: embeds the sample corpus on the CPU and, when one
/// is usable, on the GPU; prints throughput and the largest difference. Exit code 0: the paths agree within
/// <see cref="EmbeddingModel.DeviceTolerance"/> (or only the CPU was measured and <c>--require-gpu</c> was not given);
/// 1: they disagree; 2: a GPU was required and none is usable.</summary>
public static class DeviceCheck
{
    /// <summary>The command-line switch.</summary>
    public const string Switch = "--device-check";

    /// <summary>Runs the check, writing to <paramref name="output"/>.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        var count = args.Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 5000);
        var texts = Enumerable.Range(0, count).Select(i => SampleCorpus.Document(i).Text).ToList();
        var cpu = Measure(new Embedder(new CpuProjection()), texts, output);

        using var cuda = CudaProjection.TryCreate(ProjectionMatrix.Default, out var reason);
        if (cuda is null)
        {
            output.WriteLine($"GPU: not usable ({reason})");
            return args.Contains("--require-gpu") ? 2 : 0;
        }

        var gpu = Measure(new Embedder(cuda), texts, output);
        var maxDifference = 0f;
        var minCosine = 1f;
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < cpu[i].Length; j++)
                maxDifference = Math.Max(maxDifference, Math.Abs(cpu[i][j] - gpu[i][j]));
            minCosine = Math.Min(minCosine, Embedder.Similarity(cpu[i], gpu[i]));
        }

        var agree = maxDifference <= EmbeddingModel.DeviceTolerance;
        output.WriteLine($"max |cpu - gpu| = {maxDifference:E2} (tolerance {EmbeddingModel.DeviceTolerance:E0}); min cosine = {minCosine:F7}: {(agree ? "AGREE" : "DISAGREE")}");
        return agree ? 0 : 1;
    }

    private static float[][] Measure(Embedder embedder, List<string> texts, TextWriter output)
    {
        const int BatchSize = 32;
        embedder.EmbedBatch(texts.Take(BatchSize).ToList());
        var watch = Stopwatch.StartNew();
        var vectors = texts.Chunk(BatchSize).SelectMany(embedder.EmbedBatch).ToArray();
        watch.Stop();
        output.WriteLine($"{embedder.Device}: {texts.Count} documents in {watch.Elapsed.TotalMilliseconds:F0} ms = {texts.Count / watch.Elapsed.TotalSeconds:F0} documents/s (batches of {BatchSize}, featurising included)");
        return vectors;
    }
}
