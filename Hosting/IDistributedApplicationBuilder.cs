using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>Declares the application: resources and how they relate.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration: appsettings, user secrets, environment, command line.</summary>
    ConfigurationManager Configuration { get; }

    /// <summary>Services of the AppHost process.</summary>
    IServiceCollection Services { get; }

    /// <summary>The AppHost's environment (Development by default in run mode).</summary>
    IHostEnvironment Environment { get; }

    /// <summary>The resources, in the order they were added.</summary>
    IList<IResource> Resources { get; }

    /// <summary>The AppHost project's directory; relative paths in the model are resolved against it.</summary>
    string AppHostDirectory { get; }

    /// <summary>Run or publish.</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Adds a resource to the model.</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource that is not (or not yet) in the model.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Validates nothing yet; returns the application, ready to run or publish.</summary>
    DistributedApplication Build();
}
