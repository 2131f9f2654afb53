using System.Globalization;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>One reply from the server, as returned by <see cref="RedisClient.ExecuteAsync(string[])"/>.</summary>
public sealed class RedisResult
{
    /// <summary>The shared nil reply.</summary>
    public static readonly RedisResult Null = new(RedisResultType.Null, null, 0, null);

    private static readonly RedisResult[] NoItems = [];

    private readonly string? _text;
    private readonly long _integer;
    private readonly RedisResult[]? _items;

    private RedisResult(RedisResultType type, string? text, long integer, RedisResult[]? items)
    {
        Type = type;
        _text = text;
        _integer = integer;
        _items = items;
    }

    /// <summary>The RESP type of the reply.</summary>
    public RedisResultType Type { get; }

    /// <summary>True for a nil reply.</summary>
    public bool IsNull => Type == RedisResultType.Null;

    /// <summary>The elements of an array, set or map (flattened); empty for scalars.</summary>
    public IReadOnlyList<RedisResult> Items => _items ?? NoItems;

    internal static RedisResult Text(RedisResultType type, string text) => new(type, text, 0, null);

    internal static RedisResult Integer(long value) => new(RedisResultType.WholeNumber, null, value, null);

    internal static RedisResult Aggregate(RedisResultType type, RedisResult[] items) => new(type, null, 0, items);

    /// <summary>The reply as text: strings as-is, numbers formatted invariantly, nil as <c>null</c>.</summary>
    public string? AsString() => Type switch
    {
        RedisResultType.Null => null,
        RedisResultType.WholeNumber => _integer.ToString(CultureInfo.InvariantCulture),
        RedisResultType.Array or RedisResultType.Map =>
            throw new InvalidCastException($"A Redis {Type} reply cannot be read as a string."),
        _ => _text,
    };

    /// <summary>The reply as an integer; strings holding an integer are parsed.</summary>
    /// <exception cref="InvalidCastException">The reply is not an integer.</exception>
    public long AsInt64()
    {
        if (Type == RedisResultType.WholeNumber)
        {
            return _integer;
        }

        if (Type == RedisResultType.Boolean)
        {
            return _text == "t" ? 1 : 0;
        }

        return long.TryParse(_text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidCastException($"The Redis {Type} reply is not an integer.");
    }

    /// <inheritdoc />
    public override string ToString() => Type switch
    {
        RedisResultType.Array or RedisResultType.Map => $"{Type}[{Items.Count}]",
        RedisResultType.Null => "(nil)",
        _ => AsString() ?? string.Empty,
    };
}
