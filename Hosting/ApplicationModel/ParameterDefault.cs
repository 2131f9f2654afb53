using System.Security.Cryptography;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>How a parameter gets a value when configuration has none.</summary>
public abstract class ParameterDefault
{
    /// <summary>Produces a value.</summary>
    public abstract string GetDefaultValue();
}

/// <summary>A generated random value (passwords). Run mode persists it so it is stable across runs.</summary>
public sealed class GenerateParameterDefault : ParameterDefault
{
    private const string LowerChars = "abcdefghjkmnpqrstuvwxyz";
    private const string UpperChars = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string NumericChars = "0123456789";
    private const string SpecialChars = "-_.{}~()*+!";

    /// <summary>Minimum length (22 characters ≈ 128 bits with all sets).</summary>
    public int MinLength { get; init; } = 22;

    /// <summary>Use lower-case letters.</summary>
    public bool Lower { get; init; } = true;

    /// <summary>Use upper-case letters.</summary>
    public bool Upper { get; init; } = true;

    /// <summary>Use digits.</summary>
    public bool Numeric { get; init; } = true;

    /// <summary>Use special characters.</summary>
    public bool Special { get; init; } = true;

    /// <summary>Minimum count of lower-case letters.</summary>
    public int MinLower { get; init; }

    /// <summary>Minimum count of upper-case letters.</summary>
    public int MinUpper { get; init; }

    /// <summary>Minimum count of digits.</summary>
    public int MinNumeric { get; init; }

    /// <summary>Minimum count of special characters.</summary>
    public int MinSpecial { get; init; }

    /// <inheritdoc />
    public override string GetDefaultValue()
    {
        var sets = new List<(string Chars, bool Enabled, int Min)>
        {
            (LowerChars, Lower, MinLower), (UpperChars, Upper, MinUpper), (NumericChars, Numeric, MinNumeric), (SpecialChars, Special, MinSpecial),
        };
        if (sets.Any(s => s.Min > 0 && !s.Enabled))
            throw new InvalidOperationException("A minimum count was set for a character set that is disabled.");

        var length = Math.Max(MinLength, sets.Sum(s => s.Min));
        var chars = new List<char>(length);
        foreach (var (set, _, min) in sets)
            chars.AddRange(RandomNumberGenerator.GetItems<char>(set, min));
        var all = string.Concat(sets.Where(s => s.Enabled).Select(s => s.Chars));
        chars.AddRange(RandomNumberGenerator.GetItems<char>(all, length - chars.Count));
        var result = chars.ToArray();
        RandomNumberGenerator.Shuffle<char>(result);
        return new string(result);
    }
}
