using System.Text;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Kubernetes' name rules. Resource names already follow Aspire's rules (letters, digits, hyphens, a letter
/// first), so a lower-cased resource name is a DNS-1123/DNS-1035 label as long as it fits in 63 characters.</summary>
internal static class KubernetesNames
{
    public const int MaxLabelLength = 63;
    public const string NameLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>The object name for a resource.</summary>
    public static string Of(string resourceName) => resourceName.ToLowerInvariant();

    /// <summary>Any text as a DNS-1123 label: lower case, other characters become hyphens, trimmed to 63.</summary>
    public static string Label(string text, string fallback = "x") => DnsLabel.From(text, MaxLabelLength, fallback);

    /// <summary>An IANA service name for a port: at most 15 characters, with a letter.</summary>
    public static string PortName(string endpointName)
    {
        var name = Label(endpointName, "port");
        if (name.Length > 15)
            name = name[..15].TrimEnd('-');
        return name.Any(char.IsAsciiLetter) ? name : "p-" + name;
    }

    /// <summary>An environment variable name for a helper variable derived from a parameter name.</summary>
    public static string SecretVariable(string parameterName) =>
        "DEPLOY_SECRET_" + new string(parameterName.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    /// <summary>The standard labels of a workload; the first two also select its pods.</summary>
    public static Dictionary<string, string> Labels(string name, string appName, string component) => new(StringComparer.Ordinal)
    {
        [NameLabel] = name,
        [PartOfLabel] = Label(appName, "app"),
        [ComponentLabel] = component,
        [ManagedByLabel] = "deploy",
    };

    /// <summary>The labels that select a workload's pods (stable across publishes: selectors are immutable).</summary>
    public static Dictionary<string, string> Selector(string name, string appName) => new(StringComparer.Ordinal)
    {
        [NameLabel] = name,
        [PartOfLabel] = Label(appName, "app"),
    };
}
