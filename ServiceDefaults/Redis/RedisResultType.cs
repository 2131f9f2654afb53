namespace Deploy.ServiceDefaults.Redis;

/// <summary>The RESP type a <see cref="RedisResult"/> was read from.</summary>
public enum RedisResultType
{
    /// <summary>A nil reply (RESP2 null bulk string or array, RESP3 <c>_</c>).</summary>
    Null,

    /// <summary>A simple string such as <c>OK</c> or <c>PONG</c>.</summary>
    SimpleString,

    /// <summary>A bulk or verbatim string.</summary>
    BulkString,

    /// <summary>A 64-bit integer.</summary>
    WholeNumber,

    /// <summary>A RESP3 double or big number, kept as text.</summary>
    RealNumber,

    /// <summary>A RESP3 boolean.</summary>
    Boolean,

    /// <summary>An array, set or push message.</summary>
    Array,

    /// <summary>A RESP3 map; its items are flattened as key, value, key, value.</summary>
    Map,

    /// <summary>An error reply nested inside an aggregate (top-level errors are thrown).</summary>
    Error,
}
