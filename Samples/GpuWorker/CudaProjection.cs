using Embeddings;

namespace GpuWorker;

/// <summary>The projection on an NVIDIA GPU: the matrix is uploaded once; each batch is densified on the host,
/// multiplied with one cuBLAS SGEMM, and copied back. Same float32 arithmetic as <see cref="CpuProjection"/>, summed
/// in another order (agreement within <see cref="EmbeddingModel.DeviceTolerance"/>).</summary>
internal sealed class CudaProjection : IProjection
{
    private readonly Lock _gate = new();
    private readonly nint _blas;
    private readonly nint _weights;
    private nint _input;
    private nint _output;
    private int _capacity;

    private CudaProjection(nint blas, nint weights, int deviceCount)
    {
        _blas = blas;
        _weights = weights;
        var visible = Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES");
        Device = $"cuda ({deviceCount} visible{(string.IsNullOrEmpty(visible) ? "" : $", CUDA_VISIBLE_DEVICES={visible}")})";
    }

    /// <inheritdoc />
    public string Device { get; }

    /// <summary>A projection on the first visible GPU, or <c>null</c> with the reason (no driver, no libraries, no device).</summary>
    public static CudaProjection? TryCreate(ProjectionMatrix matrix, out string reason)
    {
        try
        {
            CudaNative.EnsureResolver();
            CudaNative.Check(CudaNative.cudaGetDeviceCount(out var count), "cudaGetDeviceCount");
            if (count == 0)
            {
                reason = "CUDA reports no device.";
                return null;
            }

            CudaNative.Check(CudaNative.cublasCreate_v2(out var blas), "cublasCreate");
            var weights = matrix.Weights.ToArray();
            CudaNative.Check(CudaNative.cudaMalloc(out var device, Bytes(weights.Length)), "cudaMalloc");
            CudaNative.Check(CudaNative.cudaMemcpyToDevice(device, weights, Bytes(weights.Length), CudaNative.MemcpyHostToDevice), "cudaMemcpy");
            reason = "";
            return new CudaProjection(blas, device, count);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            reason = e.Message.Split('\n')[0].Trim();
            return null;
        }
    }

    /// <inheritdoc />
    public float[][] Project(IReadOnlyList<SparseVector> batch)
    {
        if (batch.Count == 0)
            return [];
        var rows = ProjectionMatrix.Rows;
        var columns = ProjectionMatrix.Columns;
        var input = new float[batch.Count * rows];
        for (var i = 0; i < batch.Count; i++)
        {
            for (var f = 0; f < batch[i].Count; f++)
                input[(i * rows) + batch[i].Indices[f]] = batch[i].Values[f];
        }

        var output = new float[batch.Count * columns];
        lock (_gate)
        {
            EnsureCapacity(batch.Count);
            CudaNative.Check(CudaNative.cudaMemcpyToDevice(_input, input, Bytes(input.Length), CudaNative.MemcpyHostToDevice), "cudaMemcpy");
            // Row-major X (batch×rows) and W (rows×columns) are column-major Xᵀ and Wᵀ; Yᵀ = Wᵀ·Xᵀ is row-major Y = X·W.
            float alpha = 1, beta = 0;
            CudaNative.Check(CudaNative.cublasSgemm_v2(_blas, CudaNative.OperationNone, CudaNative.OperationNone, columns, batch.Count, rows,
                ref alpha, _weights, columns, _input, rows, ref beta, _output, columns), "cublasSgemm");
            CudaNative.Check(CudaNative.cudaMemcpyToHost(output, _output, Bytes(output.Length), CudaNative.MemcpyDeviceToHost), "cudaMemcpy");
        }

        var result = new float[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
            result[i] = output.AsSpan(i * columns, columns).ToArray();
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            Free(ref _input);
            Free(ref _output);
            var weights = _weights;
            Free(ref weights);
            // Teardown errors cannot be acted on (the process is usually exiting); the device frees everything anyway.
            _ = CudaNative.cublasDestroy_v2(_blas);
        }
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _capacity)
            return;
        Free(ref _input);
        Free(ref _output);
        CudaNative.Check(CudaNative.cudaMalloc(out _input, Bytes(batch * ProjectionMatrix.Rows)), "cudaMalloc");
        CudaNative.Check(CudaNative.cudaMalloc(out _output, Bytes(batch * ProjectionMatrix.Columns)), "cudaMalloc");
        _capacity = batch;
    }

    private static void Free(ref nint pointer)
    {
        if (pointer != 0)
            _ = CudaNative.cudaFree(pointer);
        pointer = 0;
    }

    private static nuint Bytes(int floats) => (nuint)floats * sizeof(float);
}
