namespace Deploy.Hosting.Publishing.Compose;

/// <summary>A Docker Compose deployment target (<c>AddDockerComposeEnvironment</c>): publishing writes <c>compose.yaml</c>,
/// an override file per environment, <c>.env.example</c> and the Dockerfiles of the projects into
/// <c>&lt;output-path&gt;/&lt;name&gt;/</c>.</summary>
/// <remarks>Settable in code (<c>WithProperties</c>, <c>WithEnvironments</c>) or in configuration under
/// <c>Deploy:Compose:</c> (<c>ProjectName</c>, <c>DefaultNetworkName</c>, <c>Dashboard</c>, <c>Environments</c> as a comma-separated list);
/// configuration wins, so one AppHost can publish differently per pipeline.</remarks>
public sealed class DockerComposeEnvironmentResource(string name) : PublishTargetResource(name)
{
    /// <summary>The environments that get an override file, in this order.</summary>
    public static readonly IReadOnlyList<string> StandardEnvironments = ["Development", "Staging", "Production"];

    /// <inheritdoc />
    public override string TargetDisplayName => "Docker Compose";

    /// <summary>The Compose project name (prefixes containers, networks and volumes); the AppHost's name when unset.</summary>
    public string? ProjectName { get; set; }

    /// <summary>A network every service joins, declared in <c>compose.yaml</c>; Compose's own default network when unset.</summary>
    public string? DefaultNetworkName { get; set; }

    /// <summary>Whether the Aspire dashboard is published as a service (<c>&lt;name&gt;-dashboard</c>) that receives every
    /// project's telemetry. Off by default, unlike Aspire's publisher: it adds a public port to every deployment.</summary>
    public bool DashboardEnabled { get; set; }

    /// <summary>The environments that get <c>compose.&lt;environment&gt;.yaml</c>, setting the .NET environment of every project.</summary>
    public IList<string> Environments { get; } = [.. StandardEnvironments];

    internal override Task PublishAsync(PublishContext context) => new ComposePublisher(this, context).PublishAsync();
}
