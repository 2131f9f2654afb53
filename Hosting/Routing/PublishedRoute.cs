namespace Deploy.Hosting.Routing;

/// <summary>One resource's route as a target publishes it in one environment: a host (null: any host) and a path prefix.</summary>
public sealed record PublishedRoute(string Resource, string? Host, string Path)
{
    /// <summary>The path with one leading '/' and no trailing one (except the root), so that '/api/' and '/api' are one route.</summary>
    public string NormalizedPath => "/" + Path.Trim().Trim('/');
}
