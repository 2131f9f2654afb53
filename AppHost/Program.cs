var builder = DistributedApplication.CreateBuilder(args);
builder.AddDeploy();

// Where the same model ships: each target writes its own folder under the publish output path.
builder.AddKubernetesEnvironment("k8s").WithIngress(className: "nginx", domain: "docs.example.com");
builder.AddDockerComposeEnvironment("compose");
builder.AddAzureContainerAppEnvironment("aca");
// Where CI pushes images. Empty here, so it needs no value to run locally and the workflows read the GitHub variable
// REGISTRY; set Parameters:registry (e.g. ghcr.io/<owner>) to write it into them instead.
var registry = builder.AddParameter("registry", "");
builder.AddGitHubWorkflows("github").WithRegistry(registry);

// Protects the Api's writes. Local runs take the development value in appsettings.Development.json; deployments get
// it from their secret store (a Kubernetes Secret, a Compose .env, a Bicep @secure() parameter).
var apiKey = builder.AddParameter("api-key", secret: true);

var postgres = builder.AddPostgres("postgres").WithDataVolume();
var db = postgres.AddDatabase("docs");
var cache = builder.AddRedis("cache");

// Applies the schema and exits; everything that uses the database starts after it exits with 0.
var migrations = builder.AddProject<Projects.MigrationService>("migrations")
    .WithReference(db).WaitFor(db);

var api = builder.AddProject<Projects.Api>("api")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(db).WaitForCompletion(migrations)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment("ApiKey", apiKey)
    .WithExternalHttpEndpoints();

// The embedding pool: two replicas in one consumer group, each given a GPU when the machine has one.
builder.AddProject<Projects.GpuWorker>("embedder")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(db).WaitForCompletion(migrations)
    .WithReference(cache).WaitFor(cache)
    .WithGpu(1)
    .WithReplicas(2);

builder.AddProject<Projects.Web>("web")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(api).WaitFor(api)
    .WithEnvironment("ApiKey", apiKey)
    .WithExternalHttpEndpoints();

builder.Build().Run();
