namespace Deploy.ServiceDefaults.Redis;

/// <summary>The Redis server could not be reached or the connection failed mid-command.</summary>
public sealed class RedisConnectionException : IOException
{
    /// <summary>Creates an exception with a default message.</summary>
    public RedisConnectionException()
        : base("The Redis connection failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public RedisConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public RedisConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
