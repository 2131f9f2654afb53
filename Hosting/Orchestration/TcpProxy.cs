using System.Net;
using System.Net.Sockets;

namespace Deploy.Hosting.Orchestration;

/// <summary>Puts one public loopback port in front of a resource's replicas: each connection goes to the next replica
/// (round robin), skipping replicas that refuse it.</summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<int> _targets;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next;

    public TcpProxy(int port, IReadOnlyList<int> targets)
    {
        _targets = targets;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start(backlog: 512);
        _accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using (client)
        {
            client.NoDelay = true;
            using var upstream = await ConnectAsync();
            if (upstream is null)
                return;
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var token = _stop.Token;
            var up = CopyAsync(clientStream, upstreamStream, upstream, token);
            var down = CopyAsync(upstreamStream, clientStream, client, token);
            await Task.WhenAll(up, down);
        }
    }

    private async Task<Socket?> ConnectAsync()
    {
        for (var attempt = 0; attempt < _targets.Count; attempt++)
        {
            var port = _targets[(int)((uint)Interlocked.Increment(ref _next) % (uint)_targets.Count)];
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                return socket;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                socket.Dispose();
            }
        }

        return null;
    }

    private static async Task CopyAsync(Stream from, Stream to, Socket toSocket, CancellationToken token)
    {
        try
        {
            await from.CopyToAsync(to, 81920, token);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
