namespace Deploy.Dashboard.Storage;

/// <summary>
/// The telemetry resources seen so far, bounded: a service restarted for hours gets a new instance id each
/// time, so the oldest entries are forgotten first. Stored items keep their own reference to their resource,
/// so forgetting one here never breaks data already stored.
/// </summary>
internal sealed class ResourceRegistry(int maxResources)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TelemetryResource> _byKey = new(StringComparer.Ordinal);
    private readonly RingQueue<string> _order = new();

    public TelemetryResource GetOrAdd(string name, string? instanceId, Func<TelemetryAttribute[]> attributes)
    {
        var key = TelemetryResource.MakeKey(name, instanceId);
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                return existing;
            }

            var created = new TelemetryResource(key, name, instanceId, attributes());
            _byKey[key] = created;
            _order.Add(key);
            while (_order.Count > maxResources)
            {
                _byKey.Remove(_order.RemoveFirst());
            }

            return created;
        }
    }

    public IReadOnlyList<TelemetryResource> Snapshot()
    {
        lock (_lock)
        {
            return [.. _byKey.Values.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase)];
        }
    }
}
