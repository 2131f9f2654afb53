using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Compose;

namespace Aspire.Hosting;

/// <summary><c>AddDockerComposeEnvironment</c>, with the name and signature of Aspire's <c>Aspire.Hosting.Docker</c>, so an
/// AppHost written for Aspire's publisher compiles against Deploy.</summary>
public static class DockerComposeEnvironmentExtensions
{
    /// <summary>Declares a Docker Compose target: <c>--operation publish --step publish</c> (or <c>publish-&lt;name&gt;</c>)
    /// writes it into <c>&lt;output-path&gt;/&lt;name&gt;/</c>. In run mode it is only a declaration.</summary>
    public static IResourceBuilder<DockerComposeEnvironmentResource> AddDockerComposeEnvironment(this IDistributedApplicationBuilder builder,
        [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddPublishTarget(new DockerComposeEnvironmentResource(name));
    }

    /// <summary>Sets the target's properties (<see cref="DockerComposeEnvironmentResource.ProjectName"/>,
    /// <see cref="DockerComposeEnvironmentResource.DefaultNetworkName"/>, <see cref="DockerComposeEnvironmentResource.Environments"/>).</summary>
    public static IResourceBuilder<DockerComposeEnvironmentResource> WithProperties(this IResourceBuilder<DockerComposeEnvironmentResource> builder,
        Action<DockerComposeEnvironmentResource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource);
        return builder;
    }

    /// <summary>Publishes the Aspire dashboard as a service that receives every project's telemetry (or not, with
    /// <paramref name="enabled"/> false).</summary>
    public static IResourceBuilder<DockerComposeEnvironmentResource> WithDashboard(this IResourceBuilder<DockerComposeEnvironmentResource> builder,
        bool enabled = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.DashboardEnabled = enabled;
        return builder;
    }

    /// <summary>Replaces the environments that get an override file (Development, Staging and Production by default).</summary>
    public static IResourceBuilder<DockerComposeEnvironmentResource> WithEnvironments(this IResourceBuilder<DockerComposeEnvironmentResource> builder,
        params string[] environments)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.Environments.Clear();
        foreach (var environment in environments)
            builder.Resource.Environments.Add(environment);
        return builder;
    }
}
