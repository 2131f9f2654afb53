using Deploy.ServiceDefaults.Redis;
using Embeddings;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace GpuWorker;

/// <summary>The consumer loop: joins the consumer group, takes over jobs a dead replica left pending (XAUTOCLAIM),
/// and processes new jobs in batches. Errors (Redis or Postgres briefly away) are logged and retried; unacknowledged
/// jobs are never lost, only delayed.</summary>
public sealed class EmbeddingWorker(RedisClient redis, JobProcessor processor, IOptions<WorkerOptions> options, ILogger<EmbeddingWorker> logger)
    : BackgroundService
{
    /// <summary>Unique per process: a restarted replica is a new consumer, so its predecessor's pending jobs are
    /// recovered by the claim below like any dead worker's, with one code path.</summary>
    public static string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextClaim = DateTimeOffset.MinValue;
        var joined = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!joined)
                {
                    // Start id 0: jobs queued before the first worker ever started are processed too.
                    await redis.StreamCreateGroupAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, "0", mkStream: true, stoppingToken);
                    joined = true;
                    logger.LogInformation("Consumer {Consumer} joined group {Group} on stream {Stream}.", ConsumerName, EmbeddingJobs.Group, EmbeddingJobs.Stream);
                }

                if (DateTimeOffset.UtcNow >= nextClaim)
                {
                    await ClaimAbandonedAsync(settings, stoppingToken);
                    nextClaim = DateTimeOffset.UtcNow + settings.ClaimInterval;
                }

                IReadOnlyList<StreamEntry> entries;
                // Polls are not traced: an idle pool would otherwise fill the trace store with a root span per second.
                using (SuppressInstrumentationScope.Begin())
                    entries = await redis.StreamReadGroupAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, ConsumerName, settings.BatchSize,
                        settings.ReadBlock, stoppingToken);
                if (entries.Count > 0)
                    await processor.ProcessAsync(entries, ConsumerName, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Embedding loop failed; retrying in 1 s (pending jobs stay pending).");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ClaimAbandonedAsync(WorkerOptions settings, CancellationToken cancellationToken)
    {
        var start = "0-0";
        do
        {
            StreamAutoClaimResult claimed;
            using (SuppressInstrumentationScope.Begin())
                claimed = await redis.StreamAutoClaimAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group, ConsumerName, settings.ClaimIdle, start,
                    settings.BatchSize, cancellationToken);
            if (claimed.Entries.Count > 0)
            {
                logger.LogWarning("Claimed {Count} job(s) pending for over {Idle} s on another consumer (a worker died mid-batch).",
                    claimed.Entries.Count, settings.ClaimIdle.TotalSeconds);
                await processor.ProcessAsync(claimed.Entries, ConsumerName, cancellationToken);
            }

            start = claimed.NextStartId;
        }
        while (start != "0-0");
    }
}
