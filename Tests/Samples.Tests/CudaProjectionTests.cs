using Embeddings;
using GpuWorker;

namespace Deploy.Samples.Tests;

/// <summary>Each test checks whichever path this machine has: agreement with the CPU where a GPU with
/// libcudart/libcublas is usable (the device machine), a correct "no GPU" report everywhere else. None is skipped.</summary>
public sealed class CudaProjectionTests
{
    [Fact]
    public void TryCreate_AnyMachine_AgreesWithCpuOrSaysWhyNoGpu()
    {
        using var cuda = CudaProjection.TryCreate(ProjectionMatrix.Default, out var reason);
        if (cuda is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.DoesNotContain('\n', reason);
            return;
        }

        var texts = Enumerable.Range(0, 300).Select(i => SampleCorpus.Document(i).Text).Append("").ToList();
        var cpu = new Embedder(new CpuProjection()).EmbedBatch(texts);
        var gpu = new Embedder(cuda).EmbedBatch(texts);

        Assert.Empty(reason);
        Assert.StartsWith("cuda (", cuda.Device, StringComparison.Ordinal);
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

    [Fact]
    public void DeviceCheck_RequireGpu_AgreesOrExitsTwoNamingTheReason()
    {
        using var probe = CudaProjection.TryCreate(ProjectionMatrix.Default, out _);
        using var output = new StringWriter();

        var exit = DeviceCheck.Run(["--device-check", "64", "--require-gpu"], output);

        if (probe is null)
        {
            Assert.Equal(2, exit);
            Assert.Contains("GPU: not usable (", output.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(exit == 0, output.ToString());
            Assert.Contains("AGREE", output.ToString(), StringComparison.Ordinal);
        }
    }
}
