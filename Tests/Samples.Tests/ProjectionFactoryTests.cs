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

    [Fact]
    public void Create_CudaRequiredWithoutGpu_ThrowsWithReason()
    {
        using var probe = CudaProjection.TryCreate(ProjectionMatrix.Default, out _);
        Assert.SkipWhen(probe is not null, "This machine has a GPU.");

        var error = Assert.Throws<InvalidOperationException>(() => ProjectionFactory.Create("cuda", "0", NullLogger.Instance));

        Assert.Contains("no GPU is usable", error.Message, StringComparison.Ordinal);
    }
}
