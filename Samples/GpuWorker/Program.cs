using Embeddings;
using GpuWorker;

if (args.Contains(DeviceCheck.Switch))
    return DeviceCheck.Run(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("docs");
builder.AddWorkerRedisClient();
builder.Services.Configure<WorkerOptions>(builder.Configuration.GetSection("Embedder"));
builder.Services.AddSingleton(services => ProjectionFactory.Create(
    services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WorkerOptions>>().Value.Device,
    builder.Configuration[ProjectionFactory.GpuVariable],
    services.GetRequiredService<ILoggerFactory>().CreateLogger("GpuWorker.Device")));
builder.Services.AddSingleton(services => new Embedder(services.GetRequiredService<IProjection>()));
builder.Services.AddSingleton<JobStream>();
builder.Services.AddSingleton<JobProcessor>();
builder.Services.AddHostedService<EmbeddingWorker>();

var app = builder.Build();
// Choose the device at start, so the log says which path this replica uses before the first job.
app.Services.GetRequiredService<Embedder>();
app.MapDefaultEndpoints();
app.MapGet("/", (Embedder embedder) => Results.Text($"Deploy reference GpuWorker: consumer {EmbeddingWorker.ConsumerName}, device {embedder.Device}"));
await app.RunAsync();
return 0;
