using System.Net;
using System.Net.Sockets;
using System.Text;
using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Tests.Orchestration;

public class TcpProxyTests
{
    [Fact]
    public async Task Connections_AreSpreadAcrossReplicas_AndSkipDeadOnes()
    {
        using var first = Listen("one");
        using var second = Listen("two");
        var dead = new PortAllocator().Allocate();
        var port = new PortAllocator().Allocate();
        await using var proxy = new TcpProxy(port, [first.Port, dead, second.Port]);

        var answers = new List<string>();
        for (var i = 0; i < 6; i++)
            answers.Add(await ReadGreetingAsync(port));

        Assert.Contains("one", answers);
        Assert.Contains("two", answers);
        Assert.Equal(6, answers.Count(a => a is "one" or "two"));
    }

    private static async Task<string> ReadGreetingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
        return await reader.ReadLineAsync() ?? "";
    }

    private static Greeter Listen(string greeting) => new(greeting);

    private sealed class Greeter : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public Greeter(string greeting)
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(greeting + "\n"), _stop.Token);
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
