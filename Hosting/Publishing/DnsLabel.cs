using System.Text;

namespace Deploy.Hosting.Publishing;

/// <summary>Any text as a DNS-1123 label: lower case, other characters become single hyphens, trimmed to a length.</summary>
internal static class DnsLabel
{
    public static string From(string text, int maxLength = 63, string fallback = "x")
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next != '-' || (builder.Length > 0 && builder[^1] != '-'))
                builder.Append(next);
        }

        var label = builder.ToString().Trim('-');
        if (label.Length > maxLength)
            label = label[..maxLength].TrimEnd('-');
        return label.Length == 0 ? fallback : label;
    }
}
