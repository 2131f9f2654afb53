using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>How model names become Compose names: services, the project, files and <c>.env</c> variables.</summary>
internal static class ComposeNames
{
    /// <summary>The service name. Lower case because it doubles as a DNS name and an image name, both of which
    /// Docker treats case-sensitively in places (image references must be lower case).</summary>
    public static string Service(IResource resource) => resource.Name.ToLowerInvariant();

    /// <summary>The Compose project name (<c>^[a-z0-9][a-z0-9_-]*$</c>); it prefixes containers, networks and volumes.</summary>
    public static string Project(string appName)
    {
        var text = new StringBuilder();
        foreach (var c in appName.ToLowerInvariant())
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        var name = text.ToString().TrimStart('-', '_');
        return name.Length == 0 ? "app" : name;
    }

    /// <summary>The variable a parameter is read from: Aspire's convention, upper case with <c>-</c> → <c>_</c>.</summary>
    public static string Variable(ParameterResource parameter) => Variable(parameter.Name);

    /// <summary>Upper-cases a name and replaces every character a shell variable cannot hold with <c>_</c>.</summary>
    public static string Variable(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        return text.ToString();
    }

    /// <summary>Where run mode reads the parameter's value (and where a user sets it for publish).</summary>
    public static string ConfigurationKey(ParameterResource parameter) =>
        parameter.IsConnectionString ? $"ConnectionStrings:{parameter.Name}" : $"Parameters:{parameter.Name}";

    /// <summary>The variable that overrides a built image's name (so CI can push to a registry without editing YAML).</summary>
    public static string ImageVariable(IResource resource) => $"{Variable(resource.Name)}_IMAGE";

    /// <summary>The override file of an environment.</summary>
    public static string OverrideFile(string environment) => $"compose.{environment.ToLowerInvariant()}.yaml";

    /// <summary>Whether an environment name can become part of a file name and an <c>ASPNETCORE_ENVIRONMENT</c> value.</summary>
    public static bool IsValidEnvironment(string environment) =>
        environment.Length is > 0 and <= 64 && char.IsAsciiLetter(environment[0])
        && environment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Escapes literal text for Compose, which would otherwise interpolate <c>$NAME</c> from the host.</summary>
    public static string EscapeLiteral(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>The image reference of a pulled image: registry, name, then digest or tag.</summary>
    public static string ImageReference(ContainerImageAnnotation image)
    {
        var name = image.Registry is { Length: > 0 } registry ? $"{registry}/{image.Image}" : image.Image;
        if (image.SHA256 is { Length: > 0 } digest)
            return $"{name}@sha256:{digest}";
        return image.Tag is { Length: > 0 } tag ? $"{name}:{tag}" : name;
    }

    /// <summary>The image's name without registry, path or tag (<c>docker.io/library/postgres:18.3</c> → <c>postgres</c>).</summary>
    public static string ImageBaseName(ContainerImageAnnotation image) => image.Image.Split('/')[^1].Split(':')[0].ToLowerInvariant();
}
