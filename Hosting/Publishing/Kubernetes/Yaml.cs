using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Builds and writes YAML documents. Maps keep insertion order (Kubernetes' conventional field order) and
/// drop null values, so optional fields are simply left out; multi-line strings (scripts, files) are literal blocks.</summary>
internal static class Yaml
{
    // Strings that YAML 1.1 (kubectl's parser) would read as something else — "yes", "8080", "17.6", "0644" — are quoted.
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(true)
        .WithIndentedSequences()
        .DisableAliases()
        .WithNewLine("\n")
        .WithEventEmitter(next => new LiteralBlocks(next))
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

    /// <summary>One document led by comment lines.</summary>
    public static string Write(object document, IEnumerable<string> comments) =>
        string.Concat(comments.Select(c => c.Length == 0 ? "#\n" : $"# {c}\n")) + Write(document);

    // A script keeps its lines as written ('|') instead of being folded; YamlDotNet falls back to quoting when a
    // literal block cannot hold the text (trailing spaces, for instance).
    private sealed class LiteralBlocks(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
                eventInfo.Style = ScalarStyle.Literal;
            base.Emit(eventInfo, emitter);
        }
    }
}
