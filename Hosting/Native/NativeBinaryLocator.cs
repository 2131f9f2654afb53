namespace Deploy.Hosting.Native;

/// <summary>Finds programs on PATH, then in the usual Debian locations (newest version first).</summary>
internal static class NativeBinaryLocator
{
    /// <summary>Resolves every binary, or throws one error naming all missing programs and the packages to install.</summary>
    public static IReadOnlyDictionary<string, string> FindAll(string resourceName, IEnumerable<NativeBinary> binaries)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<NativeBinary>();
        foreach (var binary in binaries)
        {
            if (Find(binary) is { } path)
                found[binary.Name] = path;
            else
                missing.Add(binary);
        }

        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(b => b.DebianPackage).Distinct());
            throw new NativeLaunchException(
                $"Resource '{resourceName}' runs natively (no container engine), but {string.Join(", ", missing.Select(b => $"'{b.Name}'"))} " +
                $"was not found on PATH. Fix: install it with 'sudo apt-get install {packages}', or start a container engine.");
        }

        return found;
    }

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
