namespace Deploy.Hosting.Publishing.Dockerfiles;

/// <summary>Finds the directory an image is built from: the repository (or solution) root that holds the AppHost and
/// the project, so that shared files (<c>Directory.Build.props</c>, referenced projects) are inside the context.</summary>
internal static class BuildContext
{
    private static readonly string[] RootMarkers = ["*.sln", "*.slnx", "global.json", ".git"];

    /// <summary>The nearest directory at or above the common ancestor of <paramref name="directories"/> (the AppHost's
    /// and the projects') that looks like a repository root; the common ancestor itself when none does (so paths that
    /// do not exist, as in tests, still give a stable answer).</summary>
    public static string Find(IEnumerable<string> directories)
    {
        var common = directories.Select(d => Path.GetFullPath(d)).Aggregate(CommonAncestor);
        for (var directory = new DirectoryInfo(common); directory is not null; directory = directory.Parent)
        {
            if (directory.Parent is not null && IsRoot(directory))
                return directory.FullName.TrimEnd(Path.DirectorySeparatorChar);
        }

        return common;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="context"/>, with forward slashes (Dockerfile syntax).</summary>
    public static string Relative(string context, string path)
    {
        var relative = Path.GetRelativePath(context, path).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new InvalidOperationException($"'{path}' is outside the build context '{context}'.");
        return relative;
    }

    private static bool IsRoot(DirectoryInfo directory)
    {
        if (!directory.Exists)
            return false;
        return RootMarkers.Any(marker => marker.StartsWith('*')
            ? directory.EnumerateFiles(marker).Any()
            : File.Exists(Path.Combine(directory.FullName, marker)) || Directory.Exists(Path.Combine(directory.FullName, marker)));
    }

    private static string CommonAncestor(string first, string second)
    {
        var a = first.TrimEnd('/').Split('/');
        var b = second.TrimEnd('/').Split('/');
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
            length++;
        var common = string.Join('/', a.Take(length));
        return common.Length == 0 ? "/" : common;
    }
}
