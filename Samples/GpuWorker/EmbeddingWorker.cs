using Embeddings;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GpuWorker;

/// <summary>The consumer loop: joins the consumer group, takes over jobs a dead replica left pending (XAUTOCLAIM),
/// and processes new jobs in batches. Errors (Redis or Postgres briefly away) are logged and retried; unacknowledged
/// jobs are never lost, only delayed.</summary>
public sealed class EmbeddingWorker(JobStream jobs, JobProcessor processor, IOptions<WorkerOptions> options, ILogger<EmbeddingWorker> logger)
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
                    await jobs.JoinAsync();
                    joined = true;
                    logger.LogInformation("Consumer {Consumer} joined group {Group} on stream {Stream}.", ConsumerName, EmbeddingJobs.Group, EmbeddingJobs.Stream);
                }

                if (DateTimeOffset.UtcNow >= nextClaim)
                {
                    await ClaimAbandonedAsync(settings, stoppingToken);
                    nextClaim = DateTimeOffset.UtcNow + settings.ClaimInterval;
                }

                var entries = await jobs.ReadNewAsync(ConsumerName, settings.BatchSize);
                if (entries.Length > 0)
                    await processor.ProcessAsync(entries, ConsumerName, stoppingToken);
                else
                    // StackExchange.Redis multiplexes one connection, so it never sends a blocking XREADGROUP: poll instead.
                    await Task.Delay(settings.PollInterval, stoppingToken);
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
        RedisValue start = StreamPosition.Beginning;
        do
        {
            var claimed = await jobs.ClaimAbandonedAsync(ConsumerName, settings.ClaimIdle, start, settings.BatchSize);
            if (claimed.ClaimedEntries.Length > 0)
            {
                logger.LogWarning("Claimed {Count} job(s) pending for over {Idle} s on another consumer (a worker died mid-batch).",
                    claimed.ClaimedEntries.Length, settings.ClaimIdle.TotalSeconds);
                await processor.ProcessAsync(claimed.ClaimedEntries, ConsumerName, cancellationToken);
            }

            start = claimed.NextStartId;
        }
        while (start != "0-0");
    }
}
