using System.Text;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Writes Bicep line by line with two-space indentation, one property per line (so no commas are needed).</summary>
internal sealed class BicepBuilder
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>One line at the current depth.</summary>
    public BicepBuilder Line(string text = "")
    {
        if (text.Length > 0)
            _text.Append(' ', _depth * 2).Append(text);
        _text.Append('\n');
        return this;
    }

    /// <summary>A line ending in <c>{</c> or <c>[</c>; what follows is indented until <see cref="Close"/>.</summary>
    public BicepBuilder Open(string text)
    {
        Line(text);
        _depth++;
        return this;
    }

    /// <summary>Ends the innermost block with <paramref name="closing"/> (<c>}</c>, <c>]</c>, <c>})</c>…).</summary>
    public BicepBuilder Close(string closing = "}")
    {
        _depth--;
        return Line(closing);
    }

    /// <summary>A <c>@description</c> decorator and a parameter.</summary>
    public BicepBuilder Param(string name, string type, string description, string? defaultValue = null, bool secure = false)
    {
        Line($"@description({BicepText.Quote(description)})");
        if (secure)
            Line("@secure()");
        return Line(defaultValue is null ? $"param {name} {type}" : $"param {name} {type} = {defaultValue}");
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
