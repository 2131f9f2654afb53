using System.Collections.Immutable;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native;

/// <summary>What every native server of one run shares: Aspire's services, the watchdog and the state directory.</summary>
internal sealed class NativeServerEnvironment(
    IServiceProvider services,
    DistributedApplicationModel model,
    IDistributedApplicationEventing eventing,
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    StateDirectory state) : IDisposable
{
    private readonly Lazy<Watchdog> _watchdog = new(() => new Watchdog());

    public IServiceProvider Services => services;

    public IDistributedApplicationEventing Eventing => eventing;

    public ResourceNotificationService Notifications => notifications;

    public ResourceLoggerService Loggers => loggers;

    public StateDirectory State => state;

    public Watchdog Watchdog => _watchdog.Value;

    /// <summary>Set when the AppHost stops: exits are then expected and not restarted.</summary>
    public bool IsStopping { get; set; }

    /// <summary>Resolves binaries, port and data directory for a start of <paramref name="resource"/>.</summary>
    public NativeLaunch CreateLaunch(IResource resource, INativeLauncher launcher, ILogger logger)
    {
        var binaries = NativeBinaryLocator.FindAll(resource.Name, launcher.Binaries);
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().First();
        var port = endpoint.AllocatedEndpoint?.Port
            ?? throw new InvalidOperationException($"Resource '{resource.Name}': endpoint '{endpoint.Name}' was not allocated.");
        var mount = resource.Annotations.OfType<ContainerMountAnnotation>().FirstOrDefault(launcher.IsDataMount);
        var (directory, persistent) = mount switch
        {
            { Type: ContainerMountType.BindMount, Source: { } source } => (Path.GetFullPath(source), true),
            { Type: ContainerMountType.Volume, Source: { } volume } => (state.VolumePath(volume), true),
            _ => (state.RunDataPath(resource.Name), false),
        };
        return new NativeLaunch(resource, port, directory, persistent, binaries, launcher.RefusesRoot ? NativeUser.ForServers() : null, logger);
    }

    /// <summary>Resources whose parent is <paramref name="resource"/> (a server's databases).</summary>
    public IEnumerable<IResource> ChildrenOf(IResource resource) =>
        model.Resources.OfType<IResourceWithParent>().Where(r => r.Parent == resource);

    /// <summary>The URLs the dashboard shows for a natively run server.</summary>
    public static ImmutableArray<UrlSnapshot> UrlsOf(IResource resource) =>
    [
        .. resource.Annotations.OfType<EndpointAnnotation>()
            .Where(e => e.AllocatedEndpoint is not null)
            .Select(e => new UrlSnapshot(e.Name, $"{e.UriScheme}://localhost:{e.AllocatedEndpoint!.Port}", IsInternal: false)),
    ];

    public void Dispose()
    {
        if (_watchdog.IsValueCreated)
            _watchdog.Value.Dispose();
    }
}
