using System.Text.RegularExpressions;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Reads the declarations azd and ARM rely on out of generated Bicep (the generator writes one declaration per
/// line, so line patterns are enough): parameters, outputs, and each module's path and passed parameters.</summary>
public sealed partial class BicepFile(string text)
{
    /// <summary>Parameter name → whether it has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters { get; } = ParameterLine().Matches(text)
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success, StringComparer.Ordinal);

    /// <summary>Parameters declared <c>@secure()</c> (the decorator is the line before).</summary>
    public IReadOnlySet<string> SecureParameters { get; } = SecureLine().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Output names.</summary>
    public IReadOnlyList<string> Outputs { get; } = [.. OutputLine().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Modules: symbol → (path, the parameters passed: name → expression).</summary>
    public IReadOnlyDictionary<string, (string Path, IReadOnlyDictionary<string, string> Params)> Modules { get; } = ReadModules(text);

    private static Dictionary<string, (string, IReadOnlyDictionary<string, string>)> ReadModules(string text)
    {
        var result = new Dictionary<string, (string, IReadOnlyDictionary<string, string>)>(StringComparer.Ordinal);
        foreach (Match module in ModuleBlock().Matches(text))
        {
            var passed = ParamEntry().Matches(module.Groups[3].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            result[module.Groups[1].Value] = (module.Groups[2].Value, passed);
        }

        return result;
    }

    [GeneratedRegex(@"^param (\w+) \w+( = .*)?$", RegexOptions.Multiline)]
    private static partial Regex ParameterLine();

    [GeneratedRegex(@"^@secure\(\)\nparam (\w+) ", RegexOptions.Multiline)]
    private static partial Regex SecureLine();

    [GeneratedRegex(@"^output (\w+) ", RegexOptions.Multiline)]
    private static partial Regex OutputLine();

    [GeneratedRegex(@"^module (\w+) '([^']+)' = \{\n(?:.*\n)*?  params: \{\n((?:    .*\n)*)  \}", RegexOptions.Multiline)]
    private static partial Regex ModuleBlock();

    [GeneratedRegex(@"^    (\w+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex ParamEntry();
}
