using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Environments;

/// <summary>The overrides of one resource in the deployment environment <paramref name="Environment"/> (matched without
/// regard to case: <c>staging</c> is the Compose file <c>compose.staging.yaml</c> and <c>DOTNET_ENVIRONMENT=Staging</c>).</summary>
public sealed record EnvironmentOverridesAnnotation(string Environment, EnvironmentOverrides Overrides) : IResourceAnnotation;
