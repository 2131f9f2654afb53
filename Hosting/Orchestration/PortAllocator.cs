using System.Net;
using System.Net.Sockets;

namespace Deploy.Hosting.Orchestration;

/// <summary>Finds free loopback ports by binding port 0; remembers what it handed out so one run never reuses a port.</summary>
internal sealed class PortAllocator
{
    private readonly HashSet<int> _given = [];

    public void Reserve(int port) => _given.Add(port);

    public int Allocate()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (_given.Add(port))
                return port;
        }

        throw new InvalidOperationException("Could not find a free loopback port after 100 attempts.");
    }
}
