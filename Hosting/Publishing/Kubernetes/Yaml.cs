using YamlDotNet.Serialization;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Builds and writes YAML documents. Maps keep insertion order (Kubernetes' conventional field order) and
/// drop null values, so optional fields are simply left out.</summary>
internal static class Yaml
{
    // Strings that YAML 1.1 (kubectl's parser) would read as something else — "yes", "8080", "17.6", "0644" — are quoted.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(true)
        .WithIndentedSequences()
        .DisableAliases()
        .WithNewLine("\n")
        .Build();

    /// <summary>An ordered map of the non-null entries.</summary>
    public static OrderedDictionary<string, object> Map(params (string Key, object? Value)[] entries)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
                map[key] = value;
        }

        return map;
    }

    /// <summary>A map whose entries are sorted by key (labels, selectors, config data).</summary>
    public static OrderedDictionary<string, object> Sorted(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            map[key] = value;
        return map;
    }

    /// <summary>One document.</summary>
    public static string Write(object document) => Serializer.Serialize(document);

    /// <summary>Several documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<object> documents) => string.Join("---\n", documents.Select(Write));
}
