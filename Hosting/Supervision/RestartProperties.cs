namespace Deploy.Hosting.Supervision;

/// <summary>Names of the properties Deploy adds to a resource's snapshot (shown in the dashboard's resource details).</summary>
public static class RestartProperties
{
    /// <summary>How many times Deploy restarted the resource this run.</summary>
    public const string Restarts = "deploy.restarts";

    /// <summary>Why the resource is not running, when Deploy knows.</summary>
    public const string Reason = "deploy.reason";
}
