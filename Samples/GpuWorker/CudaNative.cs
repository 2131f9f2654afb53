using System.Reflection;
using System.Runtime.InteropServices;

namespace GpuWorker;

/// <summary>The few CUDA runtime and cuBLAS entry points the projection needs. The libraries are found at run time
/// (versioned sonames included, since only -dev packages install the unversioned ones); a machine without them
/// gets a <see cref="DllNotFoundException"/> on first call, which <see cref="CudaProjection.TryCreate"/> turns into the CPU path.</summary>
internal static partial class CudaNative
{
    private const string Runtime = "cudart";
    private const string Blas = "cublas";

    public const int MemcpyHostToDevice = 1;
    public const int MemcpyDeviceToHost = 2;
    public const int OperationNone = 0;

    static CudaNative() => NativeLibrary.SetDllImportResolver(typeof(CudaNative).Assembly, Resolve);

    /// <summary>Forces the resolver to be registered before the first P/Invoke.</summary>
    public static void EnsureResolver()
    {
    }

    [LibraryImport(Runtime)]
    public static partial int cudaGetDeviceCount(out int count);

    [LibraryImport(Runtime)]
    public static partial int cudaMalloc(out nint pointer, nuint bytes);

    [LibraryImport(Runtime)]
    public static partial int cudaFree(nint pointer);

    [LibraryImport(Runtime, EntryPoint = "cudaMemcpy")]
    public static partial int cudaMemcpyToDevice(nint destination, [In] float[] source, nuint bytes, int kind);

    [LibraryImport(Runtime, EntryPoint = "cudaMemcpy")]
    public static partial int cudaMemcpyToHost([Out] float[] destination, nint source, nuint bytes, int kind);

    [LibraryImport(Blas)]
    public static partial int cublasCreate_v2(out nint handle);

    [LibraryImport(Blas)]
    public static partial int cublasDestroy_v2(nint handle);

    // Column-major, like Fortran BLAS: C(m×n) = alpha·op(A)(m×k)·op(B)(k×n) + beta·C. Scalars are host pointers.
    [LibraryImport(Blas)]
    public static partial int cublasSgemm_v2(nint handle, int transA, int transB, int m, int n, int k, ref float alpha,
        nint a, int lda, nint b, int ldb, ref float beta, nint c, int ldc);

    /// <summary>Throws with the call's name when CUDA reports an error (status 0 is success in both libraries).</summary>
    /// <exception cref="InvalidOperationException">The status is not 0.</exception>
    public static void Check(int status, string call)
    {
        if (status != 0)
            throw new InvalidOperationException($"{call} failed with status {status}.");
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        string[] candidates = name switch
        {
            Runtime => ["libcudart.so", "libcudart.so.13", "libcudart.so.12", "libcudart.so.11.0"],
            Blas => ["libcublas.so", "libcublas.so.13", "libcublas.so.12", "libcublas.so.11"],
            _ => [],
        };
        var directories = new[] { Environment.GetEnvironmentVariable("CUDA_HOME"), "/usr/local/cuda" }
            .Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.Combine(d!, "lib64")).ToList();
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
                return handle;
            foreach (var directory in directories)
            {
                if (NativeLibrary.TryLoad(Path.Combine(directory, candidate), out handle))
                    return handle;
            }
        }

        return 0;
    }
}
