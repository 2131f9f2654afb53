using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>The reference application's model (AppHost/Program.cs) by project path, for publisher tests that need the
/// real thing without building the AppHost. Keep it in step with AppHost/Program.cs.</summary>
public static class ReferenceApp
{
    public static string Samples => Path.Combine(RepoPaths.Root, "Samples");

    /// <summary>Declares the reference application's resources (the targets are added by each test).</summary>
    public static void Declare(IDistributedApplicationBuilder builder)
    {
        var apiKey = builder.AddParameter("api-key", secret: true);
        var postgres = builder.AddPostgres("postgres").WithDataVolume();
        var db = postgres.AddDatabase("docs");
        var cache = builder.AddRedis("cache");

        var migrations = builder.AddProject("migrations", Path.Combine(Samples, "MigrationService", "MigrationService.csproj"))
            .WithReference(db).WaitFor(db);

        var api = Served(builder.AddProject("api", Path.Combine(Samples, "Api", "Api.csproj")))
            .WithHttpHealthCheck("/health")
            .WithReference(db).WaitForCompletion(migrations)
            .WithReference(cache).WaitFor(cache)
            .WithEnvironment("ApiKey", apiKey)
            .WithExternalHttpEndpoints();

        Served(builder.AddProject("embedder", Path.Combine(Samples, "GpuWorker", "GpuWorker.csproj")))
            .WithHttpHealthCheck("/health")
            .WithReference(db).WaitForCompletion(migrations)
            .WithReference(cache).WaitFor(cache)
            .WithGpu(1)
            .WithReplicas(2);

        Served(builder.AddProject("web", Path.Combine(Samples, "Web", "Web.csproj")))
            .WithHttpHealthCheck("/health")
            .WithReference(api).WaitFor(api)
            .WithEnvironment("ApiKey", apiKey)
            .WithExternalHttpEndpoints();
    }

    /// <summary>The project with its http endpoint: from its launch profile where it has one, else declared here (the
    /// samples have no launchSettings.json yet, and Aspire then gives a project no endpoint at all).</summary>
    private static IResourceBuilder<ProjectResource> Served(IResourceBuilder<ProjectResource> project) =>
        project.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http") ? project : project.WithHttpEndpoint();
}
