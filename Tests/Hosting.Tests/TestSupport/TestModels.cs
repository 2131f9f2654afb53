using Aspire.Hosting;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Builders for small models, as an AppHost named <c>TestApp</c> in a fixed directory (so output is deterministic).</summary>
public static class TestModels
{
    public const string AppHostDirectory = "/apps/TestApp";

    public static DistributedApplicationBuilder Run(params string[] args) => new(args, AppHostDirectory, "TestApp");

    public static DistributedApplicationBuilder Publish(string publisher = "manifest") => new(["--publisher", publisher], AppHostDirectory, "TestApp");
}

/// <summary>Project metadata for models in tests (publishers read only the path; run mode needs a real project).</summary>
public sealed class ApiProject : IProjectMetadata
{
    public string ProjectPath => "/apps/Api/Api.csproj";
}

/// <summary>A second project, for references between projects.</summary>
public sealed class WebProject : IProjectMetadata
{
    public string ProjectPath => "/apps/Web/Web.csproj";
}

/// <summary>A third project (a GPU worker, a migration job).</summary>
public sealed class WorkerProject : IProjectMetadata
{
    public string ProjectPath => "/apps/Worker/Worker.csproj";
}
