using YamlDotNet.Serialization;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Writes Compose documents. Mappings are <see cref="OrderedDictionary{TKey, TValue}"/> so that keys come out in
/// the order the publisher adds them, which keeps the output byte-for-byte stable and readable (image before environment).</summary>
internal static class ComposeYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        // Strings that YAML 1.1 or 1.2 would read as something else ("no", "8080:8080", "0.5") are quoted.
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .DisableAliases()
        .WithTypeConverter(new ComposeQuoted.Converter())
        .Build();

    /// <summary>A new, empty mapping.</summary>
    public static OrderedDictionary<string, object> Map() => new(StringComparer.Ordinal);

    /// <summary>The document as YAML text, after a comment header; Unix line endings on every platform.</summary>
    public static string Write(OrderedDictionary<string, object> document, string header)
    {
        var body = Serializer.Serialize(document).Replace("\r\n", "\n", StringComparison.Ordinal);
        var comment = string.Join('\n', header.Split('\n').Select(line => line.Length == 0 ? "#" : "# " + line));
        return comment + "\n" + body;
    }
}
