using System.Diagnostics;
using Api;
using Deploy.Samples.Tests.TestSupport;
using GpuWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Deploy.Samples.Tests;

/// <summary>The Redis spans a worker host exports, through the real service defaults and Aspire Redis client.</summary>
public sealed class WorkerTracingTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task JobStream_IdlePollsAndClaims_NotTracedWhileEnqueueIsTracedInItsRequest()
    {
        await redis.FlushAsync();
        var exported = new List<Activity>();
        // The worker as its Program.cs registers Redis.
        using (var worker = Build(exported, builder => builder.AddWorkerRedisClient()))
        {
            await worker.StartAsync(TestContext.Current.CancellationToken);
            var jobs = worker.Services.GetRequiredService<JobStream>();
            await jobs.JoinAsync();
            for (var i = 0; i < 5; i++)
            {
                await jobs.ReadNewAsync("idle-worker", 32);
                await jobs.ClaimAbandonedAsync("idle-worker", TimeSpan.FromSeconds(10), "0-0", 32);
            }

            await worker.StopAsync(TestContext.Current.CancellationToken);
        }

        // The Api as its Program.cs registers Redis: its commands are traced inside the request.
        Activity? request;
        using (var api = Build(exported, builder => builder.AddRedisClient("cache")))
        {
            await api.StartAsync(TestContext.Current.CancellationToken);
            // The host's application name is the test assembly's, so its service defaults export this source.
            using var source = new ActivitySource(typeof(WorkerTracingTests).Assembly.GetName().Name!);
            using (request = source.StartActivity("POST /documents"))
                await api.Services.GetRequiredService<EmbeddingQueue>().EnqueueAsync(1);
            await api.StopAsync(TestContext.Current.CancellationToken);
        }

        var commands = exported.Select(a => a.DisplayName).ToList();
        Assert.DoesNotContain("XREADGROUP", commands);
        Assert.DoesNotContain("XAUTOCLAIM", commands);
        // Redis spans of other tests' hosts in this process reach this provider too: pick this request's.
        Assert.NotNull(request);
        var add = Assert.Single(exported, a => a.DisplayName == "XADD" && a.TraceId == request.TraceId);
        Assert.Equal(request.SpanId, add.ParentSpanId);
    }

    private IHost Build(List<Activity> exported, Action<HostApplicationBuilder> addRedis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(WorkerTracingTests).Assembly.GetName().Name,
        });
        builder.Configuration["ConnectionStrings:cache"] = redis.ConnectionString;
        builder.AddServiceDefaults();
        addRedis(builder);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        builder.Services.AddSingleton<JobStream>().AddSingleton<EmbeddingQueue>();
        return builder.Build();
    }
}
