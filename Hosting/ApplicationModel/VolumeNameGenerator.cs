using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Names volumes the way Aspire does: <c>{app}-{hash10}-{resource}-{suffix}</c>, the hash taken of the AppHost
/// path in run mode and of the project name when publishing (so published names do not depend on the machine).</summary>
public static partial class VolumeNameGenerator
{
    /// <summary>A volume name for <paramref name="builder"/>'s resource.</summary>
    public static string Generate<T>(IResourceBuilder<T> builder, string suffix) where T : IResource
    {
        var app = builder.ApplicationBuilder;
        var appName = app is DistributedApplicationBuilder concrete ? concrete.AppName : "apphost";
        var hashInput = app.ExecutionContext.IsPublishMode ? appName : app.AppHostDirectory.ToLowerInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashInput)))[..10];
        return $"{Sanitize(appName).ToLowerInvariant()}-{hash}-{builder.Resource.Name}-{suffix}";
    }

    private static string Sanitize(string name) => InvalidCharacters().Replace(name, "_");

    [GeneratedRegex("[^a-zA-Z0-9_.-]")]
    private static partial Regex InvalidCharacters();
}
