using Embeddings;
using GpuWorker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deploy.Samples.Tests;

public sealed class ProjectionFactoryTests
{
    [Fact]
    public void Create_DeployGpuNone_UsesCpu()
    {
        using var projection = ProjectionFactory.Create("auto", "none", NullLogger.Instance);

        Assert.IsType<CpuProjection>(projection);
    }

    [Fact]
    public void Create_CpuRequested_UsesCpuEvenWithGpuAssigned()
    {
        using var projection = ProjectionFactory.Create("cpu", "0", NullLogger.Instance);

        Assert.Equal("cpu", projection.Device);
    }

    // Checks whichever path this machine has, so it is never skipped.
    [Fact]
    public void Create_CudaRequired_UsesGpuOrThrowsWithReason()
    {
        using var probe = CudaProjection.TryCreate(ProjectionMatrix.Default, out _);
        if (probe is not null)
        {
            using var gpu = ProjectionFactory.Create("cuda", "0", NullLogger.Instance);
            Assert.IsType<CudaProjection>(gpu);
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => ProjectionFactory.Create("cuda", "0", NullLogger.Instance));

        Assert.Contains("no GPU is usable", error.Message, StringComparison.Ordinal);
    }
}
