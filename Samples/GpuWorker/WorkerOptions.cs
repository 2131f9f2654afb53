namespace GpuWorker;

/// <summary>Settings of the consumer loop (configuration section <c>Embedder</c>, e.g. <c>Embedder__BatchSize</c>).</summary>
public sealed class WorkerOptions
{
    /// <summary>Most jobs per batch: one database round trip and one GPU call each.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How long the loop waits after a read found no new jobs before reading again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A job delivered this long ago and still unacknowledged belongs to a dead (or stuck) worker and is
    /// claimed. Far above the time one batch takes, so a live worker's batch is never taken from it.</summary>
    public TimeSpan ClaimIdle { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often to look for abandoned jobs.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra time spent per batch, simulating a slow model. Zero in normal runs; tests raise it to kill a
    /// worker with a batch in flight.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary><c>auto</c> (GPU when assigned and usable, else CPU), <c>cpu</c>, or <c>cuda</c> (fail without a GPU).</summary>
    public string Device { get; set; } = "auto";
}
