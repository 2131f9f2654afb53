using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>How model names become GitHub names: secrets, variables, environments, workflow files.</summary>
internal static class GitHubNames
{
    /// <summary>The one naming rule for secrets and variables: upper snake case (<c>api-key</c> → <c>API_KEY</c>), the
    /// only form GitHub accepts (letters, digits, <c>_</c>).</summary>
    public static string Secret(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        return text.ToString();
    }

    public static string Secret(ParameterResource parameter) => Secret(parameter.Name);

    /// <summary>GitHub rejects secret names that start with a digit or with <c>GITHUB_</c>.</summary>
    public static bool IsValidSecret(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.StartsWith("GITHUB_", StringComparison.Ordinal);

    /// <summary>Environment names become job ids, concurrency groups and file names too, so stay within what all accept.</summary>
    public static bool IsValidEnvironment(string environment) =>
        environment.Length is > 0 and <= 64 && char.IsAsciiLetter(environment[0])
        && environment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A per-environment credential such as <c>KUBE_CONFIG_STAGING</c>: repository-level secrets stay usable.</summary>
    public static string PerEnvironment(string prefix, string environment) => $"{prefix}_{Secret(environment)}";

    /// <summary><c>Staging</c> from <c>staging</c>: the .NET environment name a deployment runs as.</summary>
    public static string DotnetEnvironment(string environment) => char.ToUpperInvariant(environment[0]) + environment[1..];

    public static string SecretExpression(string name) => $"${{{{ secrets.{name} }}}}";

    public static string VariableExpression(string name) => $"${{{{ vars.{name} }}}}";
}
