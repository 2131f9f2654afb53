using System.Net.Sockets;
using System.Text;

namespace Deploy.Hosting.Redis;

/// <summary>The smallest readiness probe: AUTH (when a password is set) and PING over RESP.</summary>
internal static class RedisPing
{
    public static async Task<string> PingAsync(string host, int port, string? password, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        var request = new StringBuilder();
        if (password is not null)
            request.Append(Command("AUTH", password));
        request.Append(Command("PING"));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? line = null;
        for (var i = 0; i < (password is null ? 1 : 2); i++)
        {
            line = await reader.ReadLineAsync(cancellationToken);
            if (line is null || line.StartsWith('-'))
                return line?[1..] ?? "no reply";
        }

        return line is not null && line.StartsWith('+') ? line[1..] : line ?? "no reply";
    }

    private static string Command(params string[] parts)
    {
        var text = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        return text.ToString();
    }
}
