namespace Deploy.Dashboard.Storage;

/// <summary>
/// The process that sent telemetry, keyed like Aspire by service.name + service.instance.id so replicas
/// of one resource stay apart while still matching the orchestrator's resource name.
/// </summary>
internal sealed record TelemetryResource(string Key, string Name, string? InstanceId, TelemetryAttribute[] Attributes)
{
    /// <summary>
    /// <c>name-instance</c>; but an instance id that already names the resource (the AppHost uses its instance names:
    /// <c>api</c>, or <c>api-0</c> for a replica) is the key itself, so the UI shows <c>api</c>, not <c>api-api</c>.
    /// </summary>
    public static string MakeKey(string name, string? instanceId) =>
        string.IsNullOrEmpty(instanceId) ? name
        : string.Equals(instanceId, name, StringComparison.OrdinalIgnoreCase) || instanceId.StartsWith(name + "-", StringComparison.OrdinalIgnoreCase) ? instanceId
        : $"{name}-{instanceId}";

    /// <summary>True when the filter names this resource by service name or by its full key.</summary>
    public bool Matches(string? filter) =>
        string.IsNullOrEmpty(filter)
        || string.Equals(filter, Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(filter, Key, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One attribute, its value already rendered to text (the UI only displays and searches them).</summary>
internal readonly record struct TelemetryAttribute(string Key, string Value);
