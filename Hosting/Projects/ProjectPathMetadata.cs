using Aspire.Hosting;

namespace Deploy.Hosting.Projects;

/// <summary>Metadata for a project added by path; it is built by <c>dotnet run</c> when started.</summary>
internal sealed class ProjectPathMetadata(string projectPath) : IProjectMetadata
{
    public string ProjectPath { get; } = projectPath;

    public static string Resolve(string appHostDirectory, string path)
    {
        var full = Path.GetFullPath(Path.Combine(appHostDirectory, path));
        if (!Directory.Exists(full))
            return full;
        var projects = Directory.GetFiles(full, "*.csproj");
        return projects.Length == 1 ? projects[0] : full;
    }
}
