namespace Deploy.Hosting.Native;

/// <summary>The native servers of this run, for the shutdown service and the tests.</summary>
internal sealed class NativeServers
{
    private readonly List<NativeServer> _servers = [];

    public NativeServerEnvironment? Environment { get; private set; }

    public IReadOnlyList<NativeServer> All
    {
        get
        {
            lock (_servers)
                return [.. _servers];
        }
    }

    public void Attach(NativeServerEnvironment environment) => Environment = environment;

    public void Add(NativeServer server)
    {
        lock (_servers)
            _servers.Add(server);
    }
}
