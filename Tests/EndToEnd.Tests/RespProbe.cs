using System.Net.Sockets;
using System.Text;

namespace Deploy.EndToEnd.Tests;

/// <summary>Asks Redis directly (AUTH then one command), independent of the client the services use.</summary>
public static class RespProbe
{
    public static async Task<string?> GetAsync(int port, string password, string key)
    {
        var (header, reader) = await SendAsync(port, password, "GET", key);
        using (reader)
            return header == "$-1" ? null : await reader.ReadLineAsync();
    }

    /// <summary>XPENDING's summary: how many entries of the group are delivered but not acknowledged.</summary>
    public static async Task<long> PendingAsync(int port, string password, string stream, string group)
    {
        var (header, reader) = await SendAsync(port, password, "XPENDING", stream, group);
        using (reader)
        {
            // *4, then :count, lowest id, highest id, consumers.
            Assert.StartsWith("*", header, StringComparison.Ordinal);
            var count = await reader.ReadLineAsync();
            return long.Parse(count![1..], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<(string? Header, StreamReader Reader)> SendAsync(int port, string password, params string[] command)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Command("AUTH", password) + Command(command)));
        // The reader owns the stream; disposing it closes the socket.
        var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync();
        if (auth != "+OK")
            throw new InvalidOperationException($"AUTH failed: {auth}");
        return (await reader.ReadLineAsync(), reader);
    }

    private static string Command(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
}
