using YamlDotNet.RepresentationModel;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Reads written Compose files back, and merges a base file with an override file.</summary>
internal static class ComposeYamlReader
{
    public static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The node at a dotted path (<c>services.api.deploy.replicas</c>), or null.</summary>
    public static YamlNode? At(YamlNode root, string path)
    {
        YamlNode? node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
                return null;
        }

        return node;
    }

    /// <summary>The scalar text at <paramref name="path"/>, or null.</summary>
    public static string? Scalar(YamlNode root, string path) => (At(root, path) as YamlScalarNode)?.Value;

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="basis"/> as <c>docker compose -f base -f override</c> does
    /// for mappings and scalars (mappings merge key by key, the override's scalar wins). The publisher's override files
    /// contain nothing else, which <see cref="AssertMappingsAndScalarsOnly"/> checks, so this covers them fully.</summary>
    public static YamlMappingNode Merge(YamlMappingNode basis, YamlMappingNode overlay)
    {
        var result = new YamlMappingNode();
        foreach (var (key, value) in basis.Children)
            result.Add(key, value);
        foreach (var (key, value) in overlay.Children)
        {
            if (result.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode existingMap && value is YamlMappingNode valueMap)
                result.Children[key] = Merge(existingMap, valueMap);
            else
                result.Children[key] = value;
        }

        return result;
    }

    public static void AssertMappingsAndScalarsOnly(YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                    AssertMappingsAndScalarsOnly(value, $"{path}.{key}");
                break;
            case YamlScalarNode:
                break;
            default:
                Assert.Fail($"The override file has a sequence at {path}; the test merge does not follow Compose's sequence rules.");
                break;
        }
    }

    public static string Write(YamlMappingNode root)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
