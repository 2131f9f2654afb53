using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Resources;

/// <summary>CPU and memory one instance of the resource needs; publishers turn it into requests/limits or sizes.</summary>
/// <param name="Cpu">CPU cores (0.25 = a quarter of a core).</param>
/// <param name="MemoryMiB">Memory in MiB.</param>
public sealed record ComputeResourcesAnnotation(double Cpu, int MemoryMiB) : IResourceAnnotation;
