namespace Aspire.Hosting.ApplicationModel;

/// <summary>How many processes run a project; they share one endpoint.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>A declarative HTTP health endpoint: probed in run mode, turned into probes by publishers.</summary>
public sealed record HttpHealthCheckAnnotation(string Path, int StatusCode, string? EndpointName) : IResourceAnnotation;

/// <summary>GPUs the resource needs. Vendor is <c>nvidia</c> unless stated; SKU (e.g. <c>t4</c>, <c>a100</c>) is a hint for cloud targets.</summary>
public sealed record GpuAnnotation(int Count, string Vendor = "nvidia", string? Sku = null) : IResourceAnnotation;

/// <summary>A container image reference.</summary>
public sealed record ContainerImageAnnotation(string Image, string Tag = "latest", string? Registry = null) : IResourceAnnotation
{
    /// <summary>The full reference: <c>[registry/]image:tag</c>.</summary>
    public string Reference => Registry is null ? $"{Image}:{Tag}" : $"{Registry}/{Image}:{Tag}";
}

/// <summary>A volume or bind mount of a container (and, natively, the data directory it stands for).</summary>
public sealed record ContainerMountAnnotation(string? Source, string Target, ContainerMountType Type, bool IsReadOnly = false) : IResourceAnnotation;

/// <summary>The kind of a mount.</summary>
public enum ContainerMountType
{
    /// <summary>A named volume managed by the runtime.</summary>
    Volume,
    /// <summary>A host directory.</summary>
    BindMount,
}

/// <summary>Marks a resource whose lifetime is a one-off job: it is expected to exit, and is not restarted.</summary>
public sealed record JobAnnotation : IResourceAnnotation;
