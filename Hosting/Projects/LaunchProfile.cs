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

        var publish = project.ApplicationBuilder.ExecutionContext.IsPublishMode;
        if (profile.TryGetProperty("applicationUrl", out var urls) && urls.GetString() is { } urlList)
        {
            var uris = urlList.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList();
            if (publish)
                AddPublishEndpoints(project, uris);
            else
            {
                foreach (var uri in uris)
                    project.WithEndpoint(port: uri.Port, scheme: uri.Scheme, name: NextName(project.Resource, uri.Scheme));
            }
        }

        // Launch-profile variables (ASPNETCORE_ENVIRONMENT=Development, typically) are for local runs; Aspire leaves them
        // out of published artifacts.
        if (!publish && profile.TryGetProperty("environmentVariables", out var environment))
        {
            var values = environment.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            project.WithEnvironment(context =>
            {
                foreach (var (key, value) in values)
                    context.EnvironmentVariables.TryAdd(key, Environment.ExpandEnvironmentVariables(value));
            });
        }
    }

    /// <summary>Aspire's publish-mode rule: a profile with an <c>applicationUrl</c> gives the project an <c>http</c> and an
    /// <c>https</c> endpoint without ports (local ports mean nothing to a deployment). The https one is the default endpoint,
    /// which ASP.NET Core serves on its default port, so it gets no <c>HTTPS_PORTS</c>.</summary>
    private static void AddPublishEndpoints(IResourceBuilder<ProjectResource> project, List<Uri> uris)
    {
        if (uris.Count == 0)
            return;
        project.WithHttpEndpoint().WithHttpsEndpoint().WithAnnotation(new DefaultHttpsEndpointAnnotation("https"));
    }

    private static bool IsProjectProfile(JsonElement profile) =>
        !profile.TryGetProperty("commandName", out var command) || command.GetString() is null or "" or "Project" or "Executable";

    private static string NextName(ProjectResource resource, string scheme)
    {
        var taken = resource.Annotations.OfType<EndpointAnnotation>().Count(e => e.UriScheme == scheme);
        return taken == 0 ? scheme : $"{scheme}{taken + 1}";
    }
}
