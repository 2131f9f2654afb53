using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>The overlay's <c>parameters.env</c>: read by kustomize's secretGenerator, git-ignored, never written with
/// values unless asked (<c>Deploy:Kubernetes:FillSecrets=true</c>), and then only its empty entries are filled.</summary>
internal static class SecretsFile
{
    public const string FileName = "parameters.env";
    public const string ExampleFileName = "parameters.env.example";

    /// <summary>The example: every key, no value, and where each value comes from.</summary>
    public static string Example(string environment, IReadOnlyList<ParameterResource> parameters)
    {
        var text = new StringBuilder();
        text.Append("# Values of the '").Append(environment).Append("' overlay's Secret 'parameters'. Copy this file to ")
            .Append(FileName).Append(" (git-ignored) and fill it in;\n# `kubectl apply -k` reads it. Never commit real values.\n");
        foreach (var parameter in parameters)
            text.Append("# ").Append(parameter.Name).Append(": ").Append(Source(parameter)).Append('\n').Append(parameter.Name).Append("=\n");
        return text.ToString();
    }

    /// <summary>Where a value is expected to come from, for the example file and the printed next steps.</summary>
    public static string Source(ParameterResource parameter) => parameter.Default is GenerateParameterDefault
        ? "a generated password (publish with --Deploy:Kubernetes:FillSecrets=true to generate one, or set your own)"
        : $"configuration 'Parameters:{parameter.Name}' of the AppHost (publish with --Deploy:Kubernetes:FillSecrets=true to copy it), or set it here";

    /// <summary>The filled file: existing non-empty values are kept, then configured values, then generated ones.</summary>
    public static (string Text, IReadOnlyList<string> StillEmpty) Fill(string? existingPath, IReadOnlyList<ParameterResource> parameters,
        IConfiguration configuration)
    {
        var existing = Read(existingPath);
        var text = new StringBuilder("# Filled by Deploy (Deploy:Kubernetes:FillSecrets). Git-ignored: never commit this file.\n");
        var empty = new List<string>();
        foreach (var parameter in parameters)
        {
            var value = existing.GetValueOrDefault(parameter.Name);
            if (string.IsNullOrEmpty(value))
                value = configuration[$"Parameters:{parameter.Name}"];
            // A fresh value per call of a generated default, so every overlay gets its own password.
            if (string.IsNullOrEmpty(value))
                value = parameter.Default?.GetDefaultValue();
            if (string.IsNullOrEmpty(value))
                empty.Add(parameter.Name);
            text.Append(parameter.Name).Append('=').Append(value).Append('\n');
        }

        return (text.ToString(), empty);
    }

    private static Dictionary<string, string> Read(string? path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
            return values;
        foreach (var line in File.ReadAllLines(path))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.TrimStart().StartsWith('#') && separator > 0)
                values[line[..separator].Trim()] = line[(separator + 1)..];
        }

        return values;
    }
}
