using System.Collections.Immutable;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Supervision;

/// <summary>Names of the properties Deploy adds to a resource's snapshot (shown in the dashboard's resource details).</summary>
public static class RestartProperties
{
    /// <summary>How many times Deploy restarted the resource this run.</summary>
    public const string Restarts = "deploy.restarts";

    /// <summary>Why the resource is not running, when Deploy knows.</summary>
    public const string Reason = "deploy.reason";

    /// <summary><paramref name="properties"/> with the restart count and reason replaced.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> With(ImmutableArray<ResourcePropertySnapshot> properties, int restarts, string? reason) =>
        properties
            .RemoveAll(p => p.Name is Restarts or Reason)
            .Add(new ResourcePropertySnapshot(Restarts, restarts.ToString(CultureInfo.InvariantCulture)))
            .Add(new ResourcePropertySnapshot(Reason, reason));
}
