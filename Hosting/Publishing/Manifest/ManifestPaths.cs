namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Paths as deployment tools read them: relative to the manifest file's directory, with <c>/</c> separators, so the
/// manifest does not depend on the machine or the clone location (azd writes it to a temp directory and joins from there).</summary>
internal static class ManifestPaths
{
    public static string Relative(string manifestDirectory, string path) =>
        Path.GetRelativePath(manifestDirectory, path).Replace('\\', '/');
}
