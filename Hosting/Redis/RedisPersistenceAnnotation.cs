using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Redis;

/// <summary>Snapshot to disk every <see cref="Interval"/> when at least <see cref="KeysChangedThreshold"/> keys changed.</summary>
internal sealed record RedisPersistenceAnnotation(TimeSpan Interval, long KeysChangedThreshold) : IResourceAnnotation;
