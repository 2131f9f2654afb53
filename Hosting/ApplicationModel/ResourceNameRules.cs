namespace Aspire.Hosting.ApplicationModel;

/// <summary>Aspire's name rules: 1–64 ASCII letters, digits and hyphens; a letter first; no double or trailing hyphen.</summary>
public static class ResourceNameRules
{
    /// <summary>The longest name allowed.</summary>
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="name"/> is invalid, or null when it is valid.</summary>
    public static string? Check(string name)
    {
        if (string.IsNullOrEmpty(name))
            return "Name must not be empty.";
        if (name.Length > MaxLength)
            return $"Name must be at most {MaxLength} characters long (it has {name.Length}).";
        if (!char.IsAsciiLetter(name[0]))
            return "Name must start with an ASCII letter.";
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                return $"Name must contain only ASCII letters, digits and hyphens ('{c}' is not allowed).";
        }

        if (name.Contains("--", StringComparison.Ordinal))
            return "Name must not contain consecutive hyphens.";
        return name.EndsWith('-') ? "Name must not end with a hyphen." : null;
    }

    /// <summary>A valid name close to <paramref name="name"/>, for the fix in an error message.</summary>
    public static string Suggest(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        var text = new string(chars);
        while (text.Contains("--", StringComparison.Ordinal))
            text = text.Replace("--", "-", StringComparison.Ordinal);
        text = text.Trim('-');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
            text = "r-" + text;
        return text.Length > MaxLength ? text[..MaxLength].TrimEnd('-') : text;
    }
}
