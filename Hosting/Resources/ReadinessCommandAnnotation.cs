using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Resources;

/// <summary>A command run inside the resource's container that exits 0 once it accepts work (<c>pg_isready</c>,
/// <c>redis-cli ping</c>); publishers turn it into exec readiness probes and Compose health checks.</summary>
/// <param name="Command">The program and its arguments, run without a shell unless the first element is one.</param>
public sealed record ReadinessCommandAnnotation(IReadOnlyList<string> Command) : IResourceAnnotation;
