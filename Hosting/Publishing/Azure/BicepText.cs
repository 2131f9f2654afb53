using System.Globalization;
using System.Text;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Bicep literals: single-quoted strings with <c>${…}</c> interpolation, so literal text must escape
/// <c>\</c>, <c>'</c> and <c>${</c> or Bicep would read them as syntax.</summary>
internal static class BicepText
{
    /// <summary>Literal text as the inside of a Bicep string.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\'': builder.Append("\\'"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '$' when i + 1 < text.Length && text[i + 1] == '{': builder.Append("\\$"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The literal text that <see cref="Escape"/> turned into <paramref name="escaped"/>.</summary>
    public static string Unescape(string escaped)
    {
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\' || i + 1 == escaped.Length)
            {
                builder.Append(escaped[i]);
                continue;
            }

            builder.Append(escaped[++i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', var other => other });
        }

        return builder.ToString();
    }

    /// <summary>A composite format string's literal text escaped, its <c>{0}</c> placeholders kept: a literal <c>${</c>
    /// is written <c>${{</c> there, while <c>$</c> before a placeholder stays (the part it becomes is escaped already).</summary>
    public static string EscapeFormat(string format)
    {
        var builder = new StringBuilder(format.Length);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '$' && i + 2 < format.Length && format[i + 1] == '{' && format[i + 2] == '{')
                builder.Append("\\$");
            else if (c == '$')
                builder.Append('$');
            else
                builder.Append(Escape(c.ToString()));
        }

        return builder.ToString();
    }

    /// <summary>A complete string literal.</summary>
    public static string Quote(string text) => $"'{Escape(text)}'";

    /// <summary>A number as Bicep writes it (no culture).</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fractional CPU count: Bicep has no decimals, so ARM gets it through <c>json('0.5')</c>.</summary>
    public static string Cpu(double cores) => $"json('{cores.ToString("0.0#", CultureInfo.InvariantCulture)}')";
}
