using Aspire.Hosting;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class DockerfileGeneratorTests
{
    [Fact]
    public void Create_ProjectWithReference_RelativeCopiesRestoreLayerAndNonRootRuntime()
    {
        using var repository = new TestDirectory("deploy-dockerfile");
        Write(repository, "Acme.sln", "");
        Write(repository, "Directory.Build.props", "<Project />");
        Write(repository, "src/Api/Api.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><AssemblyName>Acme.Api</AssemblyName></PropertyGroup>" +
            "<ItemGroup><ProjectReference Include=\"..\\Shared\\Shared.csproj\" /></ItemGroup></Project>");
        Write(repository, "src/Shared/Shared.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var appHost = repository.Combine("hosting", "AppHost");
        Directory.CreateDirectory(appHost);
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--operation", "publish"], ProjectDirectory = appHost, DisableDashboard = true,
        });
        var project = builder.AddProject("api", repository.Combine("src", "Api", "Api.csproj")).Resource;

        var build = DockerfileGenerator.Create(project, builder.AppHostDirectory);

        Assert.Equal(repository.Path, build.ContextDirectory);
        Assert.Equal("src/Api/Api.csproj", build.ProjectPath);
        var lines = build.Dockerfile.Split('\n');
        Assert.Equal("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", lines.First(l => l.StartsWith("FROM", StringComparison.Ordinal)));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final", lines);
        Assert.Contains("COPY [\"Directory.Build.props\", \"./\"]", lines);
        Assert.Contains("COPY [\"src/Api/Api.csproj\", \"src/Api/\"]", lines);
        Assert.Contains("COPY [\"src/Shared/Shared.csproj\", \"src/Shared/\"]", lines);
        Assert.True(Array.IndexOf(lines, "RUN dotnet restore \"src/Api/Api.csproj\"") < Array.IndexOf(lines, "COPY . ."), "Restore comes before the sources.");
        Assert.Contains("USER app", lines);
        Assert.Contains("EXPOSE 8080", lines);
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"Acme.Api.dll\"]", lines.Last(l => l.Length > 0));
        Assert.DoesNotContain("HEALTHCHECK", build.Dockerfile, StringComparison.Ordinal);
        Assert.DoesNotContain(repository.Path, build.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("**/*.env", build.DockerIgnore.Split('\n'));
    }

    [Fact]
    public void FindBuildContext_NoRepositoryMarker_CommonAncestorOfAppHostAndProject()
    {
        using var root = new TestDirectory("deploy-dockerfile");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--operation", "publish"], ProjectDirectory = appHost, DisableDashboard = true,
        });
        var project = builder.AddProject("api", KubernetesModels.Api).Resource;

        Assert.Equal(root.Combine("apps"), DockerfileGenerator.FindBuildContext(project, builder.AppHostDirectory));
        Assert.Contains("RUN dotnet publish \"Api/Api.csproj\"", DockerfileGenerator.Generate(project, root.Combine("apps")), StringComparison.Ordinal);
    }

    private static void Write(TestDirectory root, string relative, string content)
    {
        var path = root.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
