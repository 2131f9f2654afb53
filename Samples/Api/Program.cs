using Api;
using Embeddings;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("docs");
builder.AddRedisClient("cache");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Limits.MaxRequestBodyBytes);
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<ApiKeyFilter>();
builder.Services.AddSingleton<DocumentStore>();
builder.Services.AddSingleton<EmbeddingQueue>();
builder.Services.AddSingleton<VectorIndex>();
// Queries are embedded here, on the CPU, with the same model as the workers: one short text needs no GPU.
builder.Services.AddSingleton(new Embedder(new CpuProjection()));

var app = builder.Build();
// Fail at start, not at the first write, when the AppHost did not pass the key.
app.Services.GetRequiredService<ApiKeyFilter>();

// Empty error responses (404, 405, 415...) get a problem-details body too.
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapDocumentEndpoints();
app.MapGet("/", () => Results.Text(
    "Deploy reference Api: POST /documents (X-Api-Key), GET /documents/{id}, GET /search?q=&k=, GET /stats, /health, /alive"));

app.Run();
