using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Routing;

/// <summary>Where the resource's external HTTP endpoint is reached from outside: <paramref name="Path"/> (a prefix)
/// on <paramref name="Host"/> (null: the target's default host for the resource).</summary>
public sealed record RouteAnnotation(string? Host, string Path) : IResourceAnnotation;
