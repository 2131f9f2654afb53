using System.Globalization;
using System.Text;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>A small YAML writer for workflows: ordered maps, lists, scalars, and multi-line strings as <c>|</c> blocks
/// (so the shell scripts read as scripts). Output depends only on the input, so publishes are deterministic.</summary>
internal static class WorkflowYaml
{
    // Plain scalars that YAML 1.1 or 1.2 would read as something other than a string.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        { "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~" };

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

    /// <summary>The document, led by comment lines.</summary>
    public static string Write(OrderedDictionary<string, object> document, IEnumerable<string> comments)
    {
        var text = new StringBuilder();
        foreach (var comment in comments)
            text.Append(comment.Length == 0 ? "#" : "# " + comment).Append('\n');
        WriteMap(text, document, 0);
        return text.ToString();
    }

    private static void WriteMap(StringBuilder text, OrderedDictionary<string, object> map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(key).Append(':');
            WriteValue(text, value, indent);
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case OrderedDictionary<string, object> { Count: 0 }:
                text.Append(" {}\n");
                break;
            case OrderedDictionary<string, object> map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case IReadOnlyList<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case IReadOnlyList<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            case string { } block when block.Contains('\n', StringComparison.Ordinal):
                text.Append(block.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (var line in block.TrimEnd('\n').Split('\n'))
                    text.Append(line.Length == 0 ? "" : new string(' ', indent + 2) + line).Append('\n');
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<object> list, int indent)
    {
        foreach (var item in list)
        {
            if (item is OrderedDictionary<string, object> { Count: > 0 } map)
            {
                // The first entry shares the dash's line; the rest line up under it.
                var first = true;
                foreach (var (key, value) in map)
                {
                    text.Append(' ', indent).Append(first ? "- " : "  ").Append(key).Append(':');
                    WriteValue(text, value, indent + 2);
                    first = false;
                }
            }
            else
            {
                text.Append(' ', indent).Append('-');
                WriteValue(text, item, indent);
            }
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => Quoted(s),
        _ => Quoted(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quoted(string text)
    {
        var plain = text.Length > 0 && !Reserved.Contains(text) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0], StringComparison.Ordinal) < 0
            && !text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" #", StringComparison.Ordinal) && !text.EndsWith(':');
        return plain ? text : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
