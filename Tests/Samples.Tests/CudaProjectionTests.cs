using Embeddings;
using GpuWorker;

namespace Deploy.Samples.Tests;

/// <summary>Runs where a GPU with libcudart/libcublas is present (the device machine); skipped elsewhere.</summary>
public sealed class CudaProjectionTests
{
    [Fact]
    public void CudaProjection_OnGpu_AgreesWithCpuWithinTolerance()
    {
        using var cuda = CudaProjection.TryCreate(ProjectionMatrix.Default, out var reason);
        Assert.SkipWhen(cuda is null, $"No usable GPU: {reason}");
        var texts = Enumerable.Range(0, 300).Select(i => SampleCorpus.Document(i).Text).Append("").ToList();

        var cpu = new Embedder(new CpuProjection()).EmbedBatch(texts);
        var gpu = new Embedder(cuda!).EmbedBatch(texts);

        for (var i = 0; i < texts.Count; i++)
        {
            for (var j = 0; j < EmbeddingModel.Dimension; j++)
                Assert.InRange(Math.Abs(cpu[i][j] - gpu[i][j]), 0, EmbeddingModel.DeviceTolerance);
        }
    }

    [Fact]
    public void DeviceCheck_Run_PrintsCpuThroughputAndExitsZeroUnlessGpuRequired()
    {
        using var output = new StringWriter();

        var exit = DeviceCheck.Run(["--device-check", "200"], output);

        Assert.Contains("cpu: 200 documents", output.ToString(), StringComparison.Ordinal);
        Assert.True(exit == 0, output.ToString());
    }
}
