using Embeddings;

namespace GpuWorker;

/// <summary>Chooses where the dense step runs. The AppHost tells a <c>WithGpu</c> resource what it got:
/// <c>DEPLOY_GPU=none</c> (no GPU on this machine: use the CPU) or the assigned devices in <c>CUDA_VISIBLE_DEVICES</c>.</summary>
public static class ProjectionFactory
{
    /// <summary>The variable the orchestrator sets on GPU resources.</summary>
    public const string GpuVariable = "DEPLOY_GPU";

    /// <summary>A projection for <paramref name="device"/> (<c>auto</c>, <c>cpu</c> or <c>cuda</c>).</summary>
    /// <exception cref="InvalidOperationException"><c>cuda</c> was required and no GPU is usable.</exception>
    public static IProjection Create(string device, string? assignedGpu, ILogger logger)
    {
        if (device.Equals("cpu", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Embedding on the CPU (Embedder:Device=cpu).");
            return new CpuProjection();
        }

        var required = device.Equals("cuda", StringComparison.OrdinalIgnoreCase);
        if (!required && string.Equals(assignedGpu, "none", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("No GPU assigned ({Variable}=none); embedding on the CPU with System.Numerics.Tensors.", GpuVariable);
            return new CpuProjection();
        }

        var gpu = CudaProjection.TryCreate(ProjectionMatrix.Default, out var reason);
        if (gpu is not null)
        {
            logger.LogInformation("Embedding on the GPU: {Device}.", gpu.Device);
            return gpu;
        }

        if (required)
            throw new InvalidOperationException($"Embedder:Device=cuda, but no GPU is usable: {reason}");
        logger.LogWarning("No usable GPU ({Reason}); embedding on the CPU.", reason);
        return new CpuProjection();
    }
}
