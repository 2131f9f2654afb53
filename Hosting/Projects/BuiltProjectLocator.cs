using System.Reflection;

namespace Deploy.Hosting.Projects;

/// <summary>Finds the executable a project's build produced: the path the AppHost's build recorded
/// (<c>build/Deploy.Hosting.targets</c>), else the conventional <c>bin/&lt;Configuration&gt;/&lt;TargetFramework&gt;/</c>.</summary>
internal static class BuiltProjectLocator
{
    private const string MetadataPrefix = "Deploy.ProjectTargetPath:";

    /// <summary>The build configuration the AppHost was built with, which DCP passes to <c>dotnet run</c> too.</summary>
    public static string ConfigurationOf(Assembly? appHostAssembly) =>
        appHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built native executable of <paramref name="projectPath"/>, or null when there is none to trust
    /// (not built, several target frameworks, or <c>UseAppHost=false</c>), in which case DCP's <c>dotnet run</c> stays.</summary>
    public static string? Find(string projectPath, string configuration, Assembly? appHostAssembly)
    {
        var recorded = appHostAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataPrefix + projectPath)?.Value;
        if (recorded is not null)
            return ExecutableBeside(recorded);

        var name = Path.GetFileNameWithoutExtension(projectPath);
        var bin = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration);
        if (!Directory.Exists(bin))
            return null;
        var candidates = Directory.GetDirectories(bin)
            .Select(d => Path.Combine(d, name + ".dll"))
            .Where(File.Exists)
            .ToList();
        return candidates.Count == 1 ? ExecutableBeside(candidates[0]) : null;
    }

    private static string? ExecutableBeside(string assemblyPath)
    {
        var executable = Path.ChangeExtension(assemblyPath, null);
        var runtimeConfig = Path.ChangeExtension(assemblyPath, ".runtimeconfig.json");
        return File.Exists(executable) && File.Exists(assemblyPath) && File.Exists(runtimeConfig) ? executable : null;
    }
}
