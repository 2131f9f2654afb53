namespace Deploy.Hosting.Native;

/// <summary>Finds programs on PATH, then in the usual Debian locations (newest version first).</summary>
internal static class NativeBinaryLocator
{
    public static string? Find(NativeBinary binary)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, binary.Name);
            if (File.Exists(candidate))
                return candidate;
        }

        foreach (var pattern in binary.ExtraDirectories)
        {
            foreach (var directory in Expand(pattern))
            {
                var candidate = Path.Combine(directory, binary.Name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }

    // "/usr/lib/postgresql/*/bin" → every version's bin directory, highest version first.
    private static IEnumerable<string> Expand(string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
            return [pattern];
        var parent = pattern[..star].TrimEnd('/');
        var suffix = pattern[(star + 1)..].TrimStart('/');
        if (!Directory.Exists(parent))
            return [];
        return Directory.GetDirectories(parent)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, suffix));
    }
}
