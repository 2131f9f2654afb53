using System.Diagnostics;
using Api;
using Deploy.Samples.Tests.TestSupport;
using Embeddings;
using GpuWorker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MigrationService;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace Deploy.Samples.Tests;

/// <summary>The GpuWorker in process (CPU path), consuming the real stream and writing to a real PostgreSQL.</summary>
public sealed class WorkerTests(PostgresServer postgres, RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private DocsDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await redis.FlushAsync();
        _database = await DocsDatabase.CreateAsync(postgres);
        await _database.Migrations.ApplyAsync(Migration.LoadEmbedded(), Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Worker_JobsQueuedBeforeStart_EmbedsAllAndAcknowledges()
    {
        var queue = new EmbeddingQueue(redis.Connection);
        for (var i = 0; i < 40; i++)
            await queue.EnqueueAsync(await InsertDocumentAsync(SampleCorpus.Document(i).Text));

        await using var worker = StartWorker(claimIdle: TimeSpan.FromSeconds(10));
        await WaitForEmbeddingsAsync(40);

        var pending = await redis.Connection.GetDatabase().StreamPendingAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group);
        Assert.Equal(0, pending.PendingMessageCount);
        await using var devices = _database.DataSource.CreateCommand("SELECT DISTINCT device FROM embeddings");
        Assert.Equal("cpu", await devices.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Worker_JobPendingOnDeadConsumer_ClaimedAfterIdleTime()
    {
        var jobs = new JobStream(redis.Connection);
        await jobs.JoinAsync();
        await new EmbeddingQueue(redis.Connection).EnqueueAsync(await InsertDocumentAsync("left behind by a crashed replica"));
        Assert.Single(await jobs.ReadNewAsync("crashed-replica", 32));

        await using var worker = StartWorker(claimIdle: TimeSpan.FromSeconds(1));
        await WaitForEmbeddingsAsync(1);

        await using var by = _database.DataSource.CreateCommand("SELECT worker FROM embeddings");
        Assert.Equal(EmbeddingWorker.ConsumerName, await by.ExecuteScalarAsync(Ct));
        var pending = await redis.Connection.GetDatabase().StreamPendingAsync(EmbeddingJobs.Stream, EmbeddingJobs.Group);
        Assert.Equal(0, pending.PendingMessageCount);
    }

    [Fact]
    public async Task Worker_JobWithTraceParent_DocumentSpanContinuesTheRequestTrace()
    {
        var documentId = await InsertDocumentAsync("a traced document");
        using var request = new Activity("POST /documents").SetIdFormat(ActivityIdFormat.W3C).Start();
        // A sampled request, as the Api's server span is: the worker's parent-based sampler follows the flag.
        request.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        await new EmbeddingQueue(redis.Connection).EnqueueAsync(documentId);
        request.Stop();

        await using (StartWorker(claimIdle: TimeSpan.FromSeconds(10)))
            await WaitForEmbeddingsAsync(1);

        var span = Assert.Single(_spans, s => s.DisplayName == "embed document");
        Assert.Equal(request.TraceId, span.TraceId);
        Assert.Equal(request.SpanId, span.ParentSpanId);
        Assert.Contains(_spans, s => s.DisplayName == "embed batch" && s.Links.Any(l => l.Context.SpanId == request.SpanId));
    }

    private WebApplicationFactory<JobProcessor> StartWorker(TimeSpan claimIdle)
    {
        var worker = new WebApplicationFactory<JobProcessor>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:docs", _database.ConnectionString)
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            .UseSetting("Embedder:Device", "cpu")
            .UseSetting("Embedder:ClaimIdle", claimIdle.ToString())
            .UseSetting("Embedder:ClaimInterval", "00:00:00.200")
            .ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
        // The factory starts the host on first use; the hosted consumer loop runs from then on.
        _ = worker.Services;
        return worker;
    }

    private async Task<long> InsertDocumentAsync(string text)
    {
        await using var insert = _database.DataSource.CreateCommand("INSERT INTO documents (title, body) VALUES ('', $1) RETURNING id");
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = text });
        return (long)(await insert.ExecuteScalarAsync(Ct))!;
    }

    private async Task WaitForEmbeddingsAsync(long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var count = _database.DataSource.CreateCommand("SELECT count(*) FROM embeddings");
        while ((long)(await count.ExecuteScalarAsync(Ct))! < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {expected} embeddings after 30 s.");
            await Task.Delay(100, Ct);
        }
    }
}
