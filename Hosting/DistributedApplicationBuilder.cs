using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>The AppHost's builder: configuration from the generic host, resources in model order.</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;

    internal DistributedApplicationBuilder(string[] args, string? appHostDirectory = null, string? appName = null)
    {
        Arguments = AppHostArguments.Parse(args);
        _host = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            EnvironmentName = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? (Arguments.Operation == DistributedApplicationOperation.Run ? Environments.Development : Environments.Production),
        });
        var entry = Assembly.GetEntryAssembly();
        AppHostDirectory = appHostDirectory ?? FindAppHostDirectory(entry) ?? System.Environment.CurrentDirectory;
        AppName = appName ?? entry?.GetName().Name ?? "apphost";
        if (Directory.Exists(AppHostDirectory))
        {
            _host.Configuration.SetBasePath(AppHostDirectory);
            _host.Configuration.AddJsonFile("appsettings.json", optional: true);
            _host.Configuration.AddJsonFile($"appsettings.{_host.Environment.EnvironmentName}.json", optional: true);
        }

        if (entry is not null && _host.Environment.IsDevelopment())
            _host.Configuration.AddUserSecrets(entry, optional: true);
        _host.Configuration.AddEnvironmentVariables();
        _host.Configuration.AddCommandLine([.. Arguments.ConfigurationArgs]);
        ExecutionContext = new DistributedApplicationExecutionContext(Arguments.Operation, Arguments.Publisher);
    }

    /// <inheritdoc />
    public ConfigurationManager Configuration => _host.Configuration;

    /// <inheritdoc />
    public IServiceCollection Services => _host.Services;

    /// <inheritdoc />
    public IHostEnvironment Environment => _host.Environment;

    /// <inheritdoc />
    public IList<IResource> Resources { get; } = [];

    /// <inheritdoc />
    public string AppHostDirectory { get; }

    /// <inheritdoc />
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The AppHost's name (its assembly name), used for state and volume names.</summary>
    public string AppName { get; }

    /// <summary>Resources created for others and not added to the model themselves (generated passwords).</summary>
    internal List<IResource> ImplicitResources { get; } = [];

    internal AppHostArguments Arguments { get; }

    /// <inheritdoc />
    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        Resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <inheritdoc />
    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    /// <inheritdoc />
    public DistributedApplication Build() =>
        new(new DistributedApplicationModel(Resources.ToList(), ImplicitResources.ToList(), AppName, AppHostDirectory),
            ExecutionContext, Arguments, Configuration, Environment.EnvironmentName);

    private static string? FindAppHostDirectory(Assembly? entry) => entry?.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "DeployAppHostDirectory")?.Value;
}
