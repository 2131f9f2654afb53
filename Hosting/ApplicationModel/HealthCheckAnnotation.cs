using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>A run-mode readiness check: an HTTP GET, a database connection, a Redis PING.</summary>
/// <param name="Key">A name for the check, shown with its result.</param>
/// <param name="Check">Runs the check once; resolves connection details itself (ports are allocated by then).</param>
public sealed record HealthCheckAnnotation(string Key, Func<CancellationToken, Task<HealthCheckResult>> Check) : IResourceAnnotation;

/// <summary>Work to do once a resource is healthy and before anything waiting for it starts (create databases, say).</summary>
public sealed record ResourceReadyAnnotation(Func<CancellationToken, Task> OnReady) : IResourceAnnotation;
