using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Projects;

/// <summary>Reads a project's <c>Properties/launchSettings.json</c> the way Aspire does: the first profile whose
/// <c>commandName</c> is <c>Project</c> gives endpoints (one per <c>applicationUrl</c>, named by scheme) and environment.</summary>
internal static class LaunchProfile
{
    public static void Apply(IResourceBuilder<ProjectResource> project, string projectPath)
    {
        var file = Path.Combine(Path.GetDirectoryName(projectPath) ?? "", "Properties", "launchSettings.json");
        if (!File.Exists(file))
            return;

        using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("profiles", out var profiles))
            return;
        var profile = profiles.EnumerateObject().Select(p => p.Value).FirstOrDefault(IsProjectProfile);
        if (profile.ValueKind != JsonValueKind.Object)
            return;

        if (profile.TryGetProperty("applicationUrl", out var urls) && urls.GetString() is { } urlList)
        {
            foreach (var url in urlList.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var uri = new Uri(url);
                var name = NextName(project.Resource, uri.Scheme);
                project.WithEndpoint(port: uri.Port, scheme: uri.Scheme, name: name);
            }
        }

        if (profile.TryGetProperty("environmentVariables", out var environment))
        {
            var values = environment.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            project.WithEnvironment(context =>
            {
                foreach (var (key, value) in values)
                    context.EnvironmentVariables.TryAdd(key, Environment.ExpandEnvironmentVariables(value));
            });
        }
    }

    private static bool IsProjectProfile(JsonElement profile) =>
        !profile.TryGetProperty("commandName", out var command) || command.GetString() is null or "" or "Project" or "Executable";

    private static string NextName(ProjectResource resource, string scheme)
    {
        var taken = resource.Annotations.OfType<EndpointAnnotation>().Count(e => e.UriScheme == scheme);
        return taken == 0 ? scheme : $"{scheme}{taken + 1}";
    }
}
