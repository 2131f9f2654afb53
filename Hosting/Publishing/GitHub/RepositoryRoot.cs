namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>The repository CI checks out: every path in a workflow is relative to it.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest directory at or above <paramref name="appHostDirectory"/> holding <c>.git</c> (a folder, or a
    /// file in a worktree); the AppHost directory's parent when there is none, the usual layout of a solution.</summary>
    public static string Find(string appHostDirectory)
    {
        var start = Path.GetFullPath(appHostDirectory).TrimEnd(Path.DirectorySeparatorChar);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return directory.FullName.TrimEnd(Path.DirectorySeparatorChar);
        }

        return Path.GetDirectoryName(start) ?? start;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with forward slashes, as workflows write paths.</summary>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Length == 0 ? "." : relative;
    }
}
