namespace Deploy.ServiceDefaults.Redis;

/// <summary>The Redis server answered a command with an error reply.</summary>
public sealed class RedisException : Exception
{
    /// <summary>Creates an exception with no server text.</summary>
    public RedisException()
        : this("Redis returned an error.")
    {
    }

    /// <summary>Creates an exception carrying the server's error text.</summary>
    public RedisException(string message)
        : base(message)
    {
        ServerMessage = message;
    }

    /// <summary>Creates an exception with a cause.</summary>
    public RedisException(string message, Exception innerException)
        : base(message, innerException)
    {
        ServerMessage = message;
    }

    internal RedisException(string message, string serverMessage)
        : base(message)
    {
        ServerMessage = serverMessage;
    }

    /// <summary>The error text exactly as the server sent it, e.g. <c>WRONGPASS invalid username-password pair</c>.</summary>
    public string ServerMessage { get; }

    /// <summary>The error prefix (<c>ERR</c>, <c>WRONGTYPE</c>, <c>NOGROUP</c>, ...).</summary>
    public string ErrorCode => ServerMessage.Split(' ', 2)[0];
}
