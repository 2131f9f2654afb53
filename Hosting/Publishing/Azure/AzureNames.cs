using System.Text;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Azure's and azd's naming rules.</summary>
internal static class AzureNames
{
    /// <summary>Container App names: 2–32 lower-case letters, digits and hyphens.</summary>
    public const int MaxAppNameLength = 32;

    /// <summary>The Container App (and Bicep module file) name of a resource; model names already follow the rest of the rules.</summary>
    public static string App(string resourceName) => resourceName.ToLowerInvariant();

    /// <summary>A Bicep identifier for a model name (azd's convention: hyphens become underscores).</summary>
    public static string Identifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "p_" + builder : builder.ToString();
    }

    /// <summary>An azd environment variable name: <c>postgres-password</c> → <c>POSTGRES_PASSWORD</c>.</summary>
    public static string EnvironmentVariable(string name) => Identifier(name).ToUpperInvariant();

    /// <summary>A lower-case label for Container Apps secret and volume names (letters, digits, single hyphens).</summary>
    public static string Label(string text, int maxLength = 63) => DnsLabel.From(text, maxLength);
}
