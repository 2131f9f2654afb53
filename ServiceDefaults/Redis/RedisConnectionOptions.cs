using System.Globalization;
using System.Text;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>
/// Where and how <see cref="RedisClient"/> connects. Parsed from the StackExchange.Redis connection string format
/// that Aspire-style app hosts emit (<c>host:port,password=secret,ssl=false</c>).
/// </summary>
public sealed record RedisConnectionOptions
{
    // Keys StackExchange.Redis accepts that mean nothing to a single-server pooled client; accepted so that
    // connection strings written for StackExchange.Redis keep working.
    private static readonly HashSet<string> IgnoredKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "abortConnect", "allowAdmin", "channelPrefix", "checkCertificateRevocation", "configChannel",
        "configCheckSeconds", "connectRetry", "keepAlive", "proxy", "resolveDns", "serviceName",
        "setlib", "sslProtocols", "tiebreaker", "version", "highPrioritySocketThreads", "responseTimeout",
    };

    /// <summary>The server host name or IP address.</summary>
    public required string Host { get; init; }

    /// <summary>The server port; 6379 unless given.</summary>
    public int Port { get; init; } = 6379;

    /// <summary>The ACL user name (<c>user=</c>); <c>null</c> authenticates as the default user.</summary>
    public string? User { get; init; }

    /// <summary>The password (<c>password=</c>); <c>null</c> skips AUTH.</summary>
    public string? Password { get; init; }

    /// <summary>Whether to wrap connections in TLS (<c>ssl=</c>).</summary>
    public bool Ssl { get; init; }

    /// <summary>The host name to validate the server certificate against (<c>sslHost=</c>); defaults to <see cref="Host"/>.</summary>
    public string? SslHost { get; init; }

    /// <summary>The database index selected on connect (<c>defaultDatabase=</c>).</summary>
    public int Database { get; init; }

    /// <summary>The client name sent with CLIENT SETNAME (<c>name=</c>).</summary>
    public string? ClientName { get; init; }

    /// <summary>The RESP protocol version: 2 (default) or 3 (<c>protocol=resp3</c>), negotiated with HELLO.</summary>
    public int Protocol { get; init; } = 2;

    /// <summary>How long a connect plus handshake may take (<c>connectTimeout=</c>, milliseconds).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one command may wait for its reply (<c>asyncTimeout=</c>/<c>syncTimeout=</c>, milliseconds).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most connections open at once; further commands wait for a free one.</summary>
    public int PoolSize { get; init; } = 32;

    /// <summary>Parses <c>host[:port][,key=value]...</c>.</summary>
    /// <exception cref="FormatException">The string is empty, names no or several endpoints, or has an unknown or invalid key.</exception>
    public static RedisConnectionOptions Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid("it is empty");
        }

        string? endpoint = null;
        var options = new RedisConnectionOptions { Host = string.Empty };
        foreach (var rawToken in connectionString.Split(','))
        {
            var token = rawToken.Trim();
            if (token.Length == 0)
            {
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (endpoint is not null)
                {
                    throw Invalid($"it lists more than one endpoint ('{endpoint}' and '{token}'); this client talks to a single Redis server");
                }

                endpoint = token;
                continue;
            }

            options = options.Apply(token[..equals].Trim(), token[(equals + 1)..].Trim());
        }

        if (endpoint is null)
        {
            throw Invalid("it names no endpoint; start it with host:port");
        }

        var (host, port) = ParseEndpoint(endpoint);
        return options with { Host = host, Port = port };
    }

    /// <summary>The options as a connection string, with the password masked.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Host}:{Port}");
        if (User is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $",user={User}");
        }

        if (Password is not null)
        {
            text.Append(",password=*****");
        }

        text.Append(CultureInfo.InvariantCulture, $",ssl={(Ssl ? "true" : "false")}");
        if (Database != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $",defaultDatabase={Database}");
        }

        return text.ToString();
    }

    private RedisConnectionOptions Apply(string key, string value) => key.ToUpperInvariant() switch
    {
        "PASSWORD" => this with { Password = value },
        "USER" => this with { User = value },
        "SSL" => this with { Ssl = ParseBool(key, value) },
        "SSLHOST" => this with { SslHost = value },
        "NAME" => this with { ClientName = value },
        "DEFAULTDATABASE" => this with { Database = ParseInt(key, value, 0, int.MaxValue) },
        "CONNECTTIMEOUT" => this with { ConnectTimeout = TimeSpan.FromMilliseconds(ParseInt(key, value, 1, int.MaxValue)) },
        "ASYNCTIMEOUT" or "SYNCTIMEOUT" => this with { CommandTimeout = TimeSpan.FromMilliseconds(ParseInt(key, value, 1, int.MaxValue)) },
        "PROTOCOL" => this with { Protocol = ParseProtocol(value) },
        _ when IgnoredKeys.Contains(key) => this,
        _ => throw Invalid($"the key '{key}' is not supported (supported: password, user, ssl, sslHost, name, defaultDatabase, connectTimeout, asyncTimeout, syncTimeout, protocol)"),
    };

    private static (string Host, int Port) ParseEndpoint(string endpoint)
    {
        string host;
        string? portText = null;
        if (endpoint.StartsWith('['))
        {
            // IPv6 literal: [::1]:6379
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid($"the endpoint '{endpoint}' opens '[' without closing it");
            }

            host = endpoint[1..close];
            var rest = endpoint[(close + 1)..];
            portText = rest.StartsWith(':') ? rest[1..] : rest.Length == 0 ? null : throw Invalid($"unexpected text after ']' in '{endpoint}'");
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            host = colon < 0 ? endpoint : endpoint[..colon];
            portText = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        var bracketed = endpoint.StartsWith('[');
        if (host.Length == 0 || host.Contains(' ', StringComparison.Ordinal) || (!bracketed && host.Contains(':', StringComparison.Ordinal)))
        {
            throw Invalid($"the endpoint '{endpoint}' has no valid host; expected host:port, e.g. localhost:6379");
        }

        return (host, portText is null ? 6379 : ParseInt($"port of '{endpoint}'", portText, 1, 65535));
    }

    private static int ParseInt(string what, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Invalid($"the {what} value '{value}' is not a whole number between {min} and {max}");

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var flag) ? flag : throw Invalid($"the {key} value '{value}' is not true or false");

    private static int ParseProtocol(string value) => value.ToUpperInvariant() switch
    {
        "2" or "RESP2" => 2,
        "3" or "RESP3" => 3,
        _ => throw Invalid($"the protocol value '{value}' is not resp2 or resp3"),
    };

    // Never echo the whole string: it usually carries the password.
    private static FormatException Invalid(string reason) =>
        new($"Invalid Redis connection string: {reason}. Expected the StackExchange.Redis format 'host:port[,password=...][,ssl=true|false]', e.g. 'localhost:6379,password=secret'.");
}
