var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres").WithDataVolume();
var db = postgres.AddDatabase("docs");
var cache = builder.AddRedis("cache");

builder.AddProject<Projects.Api>("api")
    .WithHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(db).WaitFor(db)
    .WithReference(cache).WaitFor(cache)
    .WithExternalHttpEndpoints();

builder.Build().Run();
