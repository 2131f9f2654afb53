namespace Deploy.Dashboard.Storage;

/// <summary>
/// The process that sent telemetry, keyed like Aspire by service.name + service.instance.id so replicas
/// of one resource stay apart while still matching the orchestrator's resource name.
/// </summary>
internal sealed record TelemetryResource(string Key, string Name, string? InstanceId, TelemetryAttribute[] Attributes)
{
    public static string MakeKey(string name, string? instanceId) =>
        string.IsNullOrEmpty(instanceId) ? name : $"{name}-{instanceId}";

    /// <summary>True when the filter names this resource by service name or by its full key.</summary>
    public bool Matches(string? filter) =>
        string.IsNullOrEmpty(filter)
        || string.Equals(filter, Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(filter, Key, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One attribute, its value already rendered to text (the UI only displays and searches them).</summary>
internal readonly record struct TelemetryAttribute(string Key, string Value);
