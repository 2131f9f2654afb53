using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Publisher settings from configuration (<c>appsettings.json</c>, environment, or <c>--Publish:…=value</c> on
/// the command line). Cluster specifics live here rather than in the model: the model says what, these say where.</summary>
internal sealed record KubernetesOptions
{
    public const string Section = "Publish:Kubernetes";

    /// <summary><c>Publish:FillSecrets</c>: write generated (and configured) secret values into the untracked env files.</summary>
    public bool FillSecrets { get; init; }

    /// <summary>The overlays written: development, staging, production, plus <c>--environment</c>.</summary>
    public IReadOnlyList<string> Environments { get; init; } = DefaultEnvironments;

    /// <summary>The environment the printed next steps use.</summary>
    public string NextStepsEnvironment { get; init; } = "production";

    public string? IngressClassName { get; init; }

    /// <summary>Ingress hosts are <c>&lt;resource&gt;.&lt;domain&gt;</c>; without a domain the Ingress matches any host.</summary>
    public string? IngressDomain { get; init; }

    /// <summary>A cert-manager ClusterIssuer: when set (and a domain is), Ingresses get TLS through cert-manager.</summary>
    public string? IngressClusterIssuer { get; init; }

    public string? StorageClassName { get; init; }

    public string DefaultVolumeSize { get; init; } = "1Gi";

    /// <summary><c>key=value</c> for GPU pods' nodeSelector; null for the vendor default, empty for none.</summary>
    public string? GpuNodeSelector { get; init; }

    /// <summary>The taint key GPU pods tolerate; null for the vendor's resource name, empty for none.</summary>
    public string? GpuTolerationKey { get; init; }

    public static IReadOnlyList<string> DefaultEnvironments { get; } = ["development", "staging", "production"];

    public static KubernetesOptions From(IConfiguration configuration, string? environmentName)
    {
        var section = configuration.GetSection(Section);
        var environments = DefaultEnvironments.ToList();
        var chosen = environmentName is null ? null : environmentName.Trim();
        if (!string.IsNullOrEmpty(chosen) && !environments.Contains(chosen, StringComparer.Ordinal))
            environments.Add(chosen);
        return new KubernetesOptions
        {
            FillSecrets = configuration.GetValue<bool>("Publish:FillSecrets"),
            Environments = environments,
            NextStepsEnvironment = string.IsNullOrEmpty(chosen) ? "production" : chosen,
            IngressClassName = Empty(section["IngressClassName"]),
            IngressDomain = Empty(section["IngressDomain"]),
            IngressClusterIssuer = Empty(section["IngressClusterIssuer"]),
            StorageClassName = Empty(section["StorageClassName"]),
            DefaultVolumeSize = Empty(section["DefaultVolumeSize"]) ?? "1Gi",
            GpuNodeSelector = section["GpuNodeSelector"],
            GpuTolerationKey = section["GpuTolerationKey"],
        };
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
