using YamlDotNet.RepresentationModel;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Reads a value out of a YAML document by a dotted path (<c>spec.template.spec.containers[0].name</c>); a key
/// that contains dots is quoted: <c>limits.'nvidia.com/gpu'</c>.</summary>
public static class YamlQuery
{
    public static YamlNode? Get(string yaml, string path, int document = 0)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        YamlNode? node = stream.Documents[document].RootNode;
        foreach (var part in Split(path))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(name), out node))
                return null;
            if (index is { } i)
                node = node is YamlSequenceNode sequence && i < sequence.Children.Count ? sequence.Children[i] : null;
        }

        return node;
    }

    private static List<string> Split(string path)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in path)
        {
            if (c == '\'')
                quoted = !quoted;
            else if (c == '.' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>The scalar at <paramref name="path"/>, or null.</summary>
    public static string? Scalar(string yaml, string path, int document = 0) => (Get(yaml, path, document) as YamlScalarNode)?.Value;

    /// <summary>The scalars of the sequence at <paramref name="path"/> (empty when there is none).</summary>
    public static List<string?> Sequence(string yaml, string path, int document = 0) =>
        Get(yaml, path, document) is YamlSequenceNode sequence ? [.. sequence.Children.Select(c => (c as YamlScalarNode)?.Value)] : [];
}
