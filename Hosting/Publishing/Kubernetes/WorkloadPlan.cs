using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Everything the manifests of one workload are written from, decided once from the model.</summary>
/// <remarks><see cref="IsProject"/>: the image is the generated .NET one (non-root user 1654, port 8080), so the pod can
/// be locked down further than an arbitrary image allows. <see cref="IsJob"/>: something waits for it to complete
/// (<c>WaitForCompletion</c>), so it runs to completion as a Job instead of being kept up.</remarks>
internal sealed record WorkloadPlan(IResource Resource, string Name, bool IsProject, bool IsStateful, bool IsJob)
{
    /// <summary>The image in base manifests: a project's image name (set per overlay), or a container's full reference.</summary>
    public required string Image { get; init; }

    /// <summary>The image's name without tag, as kustomize's <c>images:</c> matches it.</summary>
    public required string ImageName { get; init; }

    /// <summary>The tag overlays start from.</summary>
    public required string ImageTag { get; init; }

    /// <summary>The image is built from a Dockerfile (generated or the user's), so overlays point it at the registry.</summary>
    public bool IsBuiltHere { get; init; }

    /// <summary>How to build a project's image from the generated Dockerfile.</summary>
    public ProjectImageBuild? Build { get; init; }

    /// <summary>The user's own Dockerfile (<c>AddDockerfile</c>, <c>PublishAsDockerFile</c>), when the image is built from it.</summary>
    public DockerfileBuildAnnotation? Dockerfile { get; init; }

    public required IReadOnlyList<PortPlan> Ports { get; init; }

    /// <summary>Plain values: the ConfigMap (sorted).</summary>
    public required IReadOnlyDictionary<string, string> Config { get; init; }

    /// <summary>Values from or with Secret parameters, in the order Kubernetes must define them.</summary>
    public required IReadOnlyList<EnvEntry> SecretEnv { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public required IReadOnlyList<string> Args { get; init; }

    public int Replicas { get; init; } = 1;

    public AutoscalingAnnotation? Autoscaling { get; init; }

    public ComputeResourcesAnnotation? Compute { get; init; }

    public GpuAnnotation? Gpu { get; init; }

    public ProbePlan? Readiness { get; init; }

    public ProbePlan? Liveness { get; init; }

    public ProbePlan? Startup { get; init; }

    public required IReadOnlyList<VolumePlan> Volumes { get; init; }

    public required IReadOnlyList<FilesPlan> Files { get; init; }

    /// <summary>Services (name, port) that must accept connections before the container starts (<c>WaitFor</c>).</summary>
    public IReadOnlyList<(string Host, int Port)> Waits { get; init; } = [];

    /// <summary>The Jobs (base names) that must have succeeded before the container starts (<c>WaitForCompletion</c>).</summary>
    public IReadOnlyList<string> JobWaits { get; init; } = [];

    /// <summary>Values left out because they refer to something not served in the cluster (for the printed notes).</summary>
    public required IReadOnlyList<string> Omitted { get; init; }

    /// <summary>Where <c>WithContainerFiles</c> copies files into the container: not carried over (for the printed notes).</summary>
    public IReadOnlyList<string> FilesNotCopied { get; init; } = [];

    /// <summary>The fewest pods normally running (replicas, or the autoscaler's minimum).</summary>
    public int MinimumPods => Autoscaling?.MinReplicas ?? Replicas;

    /// <summary>The workload's kind: Job, StatefulSet (it has volume claims) or Deployment.</summary>
    public string Kind => IsJob ? "Job" : IsStateful ? "StatefulSet" : "Deployment";

    /// <summary>The object's API group and version.</summary>
    public string ApiVersion => IsJob ? "batch/v1" : "apps/v1";
}

/// <summary>A container variable: a literal (possibly with <c>$(VAR)</c> references) or a parameter's key in the Secret.</summary>
internal sealed record EnvEntry(string Name, string? Value, ParameterResource? Parameter)
{
    public string? SecretKey => Parameter?.Name;
}

/// <summary>A probe: an HTTP GET on a named port, a command, or a TCP connect; <see cref="Timing"/> when the model set it.</summary>
internal sealed record ProbePlan(string? HttpPath, string? PortName, IReadOnlyList<string>? Exec, string? TcpPortName)
{
    public ProbeTiming? Timing { get; init; }
}

/// <summary>A probe's timings in seconds and its thresholds, as Aspire's probe annotation declares them.</summary>
internal sealed record ProbeTiming(int InitialDelay, int Period, int Timeout, int FailureThreshold, int SuccessThreshold);

/// <summary>A mounted volume: a claim of <see cref="ClaimSize"/> (StatefulSet), or an emptyDir when null.</summary>
internal sealed record VolumePlan(string Name, string MountPath, bool ReadOnly, string? ClaimSize);

/// <summary>Files mounted from a generated ConfigMap; <see cref="Folder"/> is where they are written beside the manifests.</summary>
internal sealed record FilesPlan(string VolumeName, string ConfigMapName, string MountPath, string Folder, IReadOnlyDictionary<string, string> Files);
