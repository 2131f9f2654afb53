using System.Net.Sockets;
using System.Text;

namespace Deploy.EndToEnd.Tests;

/// <summary>Asks Redis directly (AUTH then one command), independent of the client the services use.</summary>
public static class RespProbe
{
    public static async Task<string?> GetAsync(int port, string password, string key)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Command("AUTH", password) + Command("GET", key)));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync();
        if (auth != "+OK")
            throw new InvalidOperationException($"AUTH failed: {auth}");
        var header = await reader.ReadLineAsync();
        return header == "$-1" ? null : await reader.ReadLineAsync();
    }

    private static string Command(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
}
