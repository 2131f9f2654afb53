namespace Deploy.Hosting.Environments;

/// <summary>What one deployment environment (<c>staging</c>, <c>production</c>, ...) changes about a resource; every
/// property left null keeps the model's value. Targets express it in their own idiom: a kustomize overlay, a Compose
/// override file, the settings an azd environment selects.</summary>
public sealed record EnvironmentOverrides
{
    /// <summary>The fixed instance count (<c>WithReplicas</c> in that environment).</summary>
    public int? Replicas { get; init; }

    /// <summary>Autoscaling bounds: the fewest instances.</summary>
    public int? MinReplicas { get; init; }

    /// <summary>Autoscaling bounds: the most instances.</summary>
    public int? MaxReplicas { get; init; }

    /// <summary>CPU cores one instance gets (<c>WithResources</c> in that environment).</summary>
    public double? Cpu { get; init; }

    /// <summary>Memory in MiB one instance gets.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>The host name external HTTP endpoints are routed from (an Ingress rule, a Container App custom domain).</summary>
    public string? Host { get; init; }

    /// <summary>The tag of the images built from this resource (the registry stays the target's).</summary>
    public string? ImageTag { get; init; }

    /// <summary>These overrides with <paramref name="later"/>'s non-null values on top.</summary>
    public EnvironmentOverrides Merge(EnvironmentOverrides later) => new()
    {
        Replicas = later.Replicas ?? Replicas,
        MinReplicas = later.MinReplicas ?? MinReplicas,
        MaxReplicas = later.MaxReplicas ?? MaxReplicas,
        Cpu = later.Cpu ?? Cpu,
        MemoryMiB = later.MemoryMiB ?? MemoryMiB,
        Host = later.Host ?? Host,
        ImageTag = later.ImageTag ?? ImageTag,
    };
}
