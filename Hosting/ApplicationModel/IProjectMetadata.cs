namespace Aspire.Hosting;

/// <summary>Describes a .NET project of the AppHost; the build generates one class per <c>ProjectReference</c>.</summary>
public interface IProjectMetadata : ApplicationModel.IResourceAnnotation
{
    /// <summary>The project file's absolute path.</summary>
    string ProjectPath { get; }

    /// <summary>True when the AppHost build already built the project.</summary>
    bool SuppressBuild => false;

    /// <summary>The built assembly (Deploy addition); when known, run mode starts <c>dotnet &lt;assembly&gt;</c> directly.</summary>
    string? TargetPath => null;
}
