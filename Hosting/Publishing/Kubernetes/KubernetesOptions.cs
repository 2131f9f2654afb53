using Aspire.Hosting.Kubernetes;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>The target's settings for one publish: the environment resource's properties, each overridden by
/// configuration <c>Deploy:Kubernetes:&lt;Property&gt;</c>, plus the overlay that <c>--environment</c> adds.</summary>
internal sealed record KubernetesOptions
{
    public const string Section = "Deploy:Kubernetes";

    /// <summary>Write configured and generated secret values into the git-ignored env files.</summary>
    public bool FillSecrets { get; init; }

    /// <summary>The overlays written, in order.</summary>
    public required IReadOnlyList<string> Environments { get; init; }

    /// <summary>The overlay the logged next steps use.</summary>
    public required string NextStepsEnvironment { get; init; }

    /// <summary>The namespace prefix and <c>part-of</c> label.</summary>
    public required string AppName { get; init; }

    public string? ImageRegistry { get; init; }

    public string ImageTag { get; init; } = "latest";

    public string? IngressClassName { get; init; }

    public string? IngressDomain { get; init; }

    public string? IngressClusterIssuer { get; init; }

    public string? StorageClassName { get; init; }

    public string DefaultVolumeSize { get; init; } = "1Gi";

    public string? GpuNodeSelector { get; init; }

    public string? GpuTolerationKey { get; init; }

    public static KubernetesOptions From(KubernetesEnvironmentResource target, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        string? Text(string key, string? fallback) => Empty(section[key]) ?? Empty(fallback);
        var environments = section.GetSection(nameof(target.Environments)).Get<string[]>() ?? [.. target.Environments];
        var list = environments.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // `--environment qa` (the host's environment switch) adds an overlay; Development/Production map onto the defaults.
        var chosen = Empty(configuration["environment"]);
        if (chosen is not null)
            chosen = list.FirstOrDefault(e => string.Equals(e, chosen, StringComparison.OrdinalIgnoreCase)) ?? chosen;
        if (chosen is not null && !list.Contains(chosen, StringComparer.Ordinal))
            list.Add(chosen);
        return new KubernetesOptions
        {
            FillSecrets = section.GetValue<bool>(nameof(FillSecrets)),
            Environments = list,
            NextStepsEnvironment = chosen ?? (list.Contains("production", StringComparer.Ordinal) ? "production" : list.LastOrDefault() ?? "production"),
            AppName = Text(nameof(target.Namespace), target.Namespace) ?? target.Name,
            ImageRegistry = Text(nameof(target.ImageRegistry), target.ImageRegistry)?.TrimEnd('/'),
            ImageTag = Text(nameof(target.ImageTag), target.ImageTag) ?? "latest",
            IngressClassName = Text(nameof(target.IngressClassName), target.IngressClassName),
            IngressDomain = Text(nameof(target.IngressDomain), target.IngressDomain),
            IngressClusterIssuer = Text(nameof(target.IngressClusterIssuer), target.IngressClusterIssuer),
            StorageClassName = Text(nameof(target.DefaultStorageClassName), target.DefaultStorageClassName),
            DefaultVolumeSize = Text(nameof(target.DefaultStorageSize), target.DefaultStorageSize) ?? "1Gi",
            // Empty is meaningful here (turn the default off), so only a missing key falls back.
            GpuNodeSelector = section[nameof(target.GpuNodeSelector)] ?? target.GpuNodeSelector,
            GpuTolerationKey = section[nameof(target.GpuTolerationKey)] ?? target.GpuTolerationKey,
        };
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
