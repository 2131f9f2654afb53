using System.Diagnostics;
using System.Globalization;

// Bench:Deploy=true adds Deploy (fast start, supervision); false is bare Aspire. Connection strings come from the
// benchmark script's own PostgreSQL and Redis (ConnectionStrings__docs, ConnectionStrings__cache).
var builder = DistributedApplication.CreateBuilder(args);
if (builder.Configuration["Bench:Deploy"] == "true")
    builder.AddDeploy();

var apiKey = builder.AddParameter("api-key", secret: true);
var db = builder.AddConnectionString("docs");
var cache = builder.AddConnectionString("cache");
var migrations = builder.AddProject<Projects.MigrationService>("migrations").WithReference(db);
var api = builder.AddProject<Projects.Api>("api").WithHttpEndpoint().WithHttpHealthCheck("/health")
    .WithReference(db).WaitForCompletion(migrations).WithReference(cache).WithEnvironment("ApiKey", apiKey);
builder.AddProject<Projects.GpuWorker>("embedder").WithHttpEndpoint().WithHttpHealthCheck("/health")
    .WithReference(db).WaitForCompletion(migrations).WithReference(cache).WithEnvironment("DEPLOY_GPU", "none").WithReplicas(2);
builder.AddProject<Projects.Web>("web").WithHttpEndpoint().WithHttpHealthCheck("/health").WithReference(api).WaitFor(api);

var app = builder.Build();
_ = Task.Run(async () =>
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync("api");
    await app.ResourceNotifications.WaitForResourceHealthyAsync("embedder");
    await app.ResourceNotifications.WaitForResourceHealthyAsync("web");
    var seconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
    Console.WriteLine($"BENCH ready {seconds.ToString("0.00", CultureInfo.InvariantCulture)}");
});
app.Run();
