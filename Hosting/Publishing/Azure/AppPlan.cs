using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Everything one container app's module is written from, decided once from the model.</summary>
internal sealed record AppPlan(IResource Resource, string Name, string Symbol)
{
    /// <summary>A pulled image; null when azd builds and pushes the image (see <see cref="Build"/>, <see cref="Dockerfile"/>).</summary>
    public string? FixedImage { get; init; }

    /// <summary>The generated Dockerfile build of a project.</summary>
    public ProjectImageBuild? Build { get; init; }

    /// <summary>The user's own Dockerfile.</summary>
    public DockerfileBuildAnnotation? Dockerfile { get; init; }

    /// <summary>Whether it runs once to completion (others await it with <c>WaitForCompletion</c>): a Container Apps Job.</summary>
    public bool IsJob { get; init; }

    /// <summary>Whether azd builds the image: the app is an azd service, found by its <c>azd-service-name</c> tag.</summary>
    public bool IsService => FixedImage is null;

    public required IReadOnlyList<AppPort> Ports { get; init; }

    public required IReadOnlyList<AppEnv> Env { get; init; }

    public required IReadOnlyList<string> Args { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public required ModuleInputs Inputs { get; init; }

    public int MinReplicas { get; init; } = 1;

    public int MaxReplicas { get; init; } = 1;

    /// <summary>The CPU target of a CPU scale rule (from <c>WithAutoscaling</c>), else no rule.</summary>
    public int? CpuPercent { get; init; }

    public GpuProfile? Gpu { get; init; }

    public double Cpu { get; init; } = 0.5;

    public string Memory { get; init; } = "1Gi";

    public AppProbe? Readiness { get; init; }

    public AppProbe? Liveness { get; init; }

    public required IReadOnlyList<AppVolume> Volumes { get; init; }

    /// <summary>Other apps' module symbols deployed first (<c>WaitFor</c>; Container Apps has no start order of its own).</summary>
    public required IReadOnlyList<string> DependsOn { get; init; }

    /// <summary>Values left out because they refer to endpoints not served in Azure (for the printed notes).</summary>
    public required IReadOnlyList<string> Omitted { get; init; }
}

/// <summary>A container variable: a plain value, or a reference to the secret <see cref="SecretName"/> holding it.</summary>
internal sealed record AppEnv(string Name, string Expression, string? SecretName);

/// <summary>A probe: an HTTP GET of <see cref="HttpPath"/>, or a TCP connect, on <see cref="Port"/>.</summary>
internal sealed record AppProbe(string? HttpPath, int Port)
{
    public int PeriodSeconds { get; init; } = 10;

    public int FailureThreshold { get; init; } = 3;

    public int? InitialDelaySeconds { get; init; }

    public int? TimeoutSeconds { get; init; }
}

/// <summary>A mounted volume: an Azure Files share (<see cref="StorageName"/> in the environment) or an empty directory.</summary>
internal sealed record AppVolume(string Name, string MountPath, bool ReadOnly, string? StorageName, string? ShareName, int ShareQuotaGiB);
