namespace Aspire.Hosting.ApplicationModel;

// Capability interfaces: used as generic constraints so that wiring that makes no sense does not compile.
#pragma warning disable CA1040

/// <summary>A resource whose process receives environment variables.</summary>
public interface IResourceWithEnvironment : IResource;

/// <summary>A resource whose process receives command-line arguments.</summary>
public interface IResourceWithArgs : IResource;

/// <summary>A resource that exposes network endpoints.</summary>
public interface IResourceWithEndpoints : IResource;

/// <summary>A resource others can discover by name (<c>services__name__http__0</c>).</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;

/// <summary>A resource other resources can <c>WaitFor</c>.</summary>
public interface IResourceWithWaitSupport : IResource;

/// <summary>A resource that belongs to another (a database to its server).</summary>
public interface IResourceWithParent : IResource
{
    /// <summary>The owning resource.</summary>
    IResource Parent { get; }
}

/// <summary>A resource that belongs to a parent of type <typeparamref name="T"/>.</summary>
public interface IResourceWithParent<out T> : IResourceWithParent where T : IResource
{
    /// <summary>The owning resource.</summary>
    new T Parent { get; }
}
#pragma warning restore CA1040
