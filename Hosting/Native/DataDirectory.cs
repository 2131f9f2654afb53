namespace Deploy.Hosting.Native;

/// <summary>Creates a server's data directory owned by the account that runs it, mode 0700.</summary>
internal static class DataDirectory
{
    public static void Prepare(string directory, NativeUser? owner)
    {
        if (owner is not null)
            EnsureTraversable(directory, owner);
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (owner is not null)
            Posix.ChangeOwner(directory, owner);
    }

    // The unprivileged account must be able to reach its data through every parent directory.
    private static void EnsureTraversable(string directory, NativeUser owner)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent) && (File.GetUnixFileMode(parent) & UnixFileMode.OtherExecute) == 0)
            {
                throw new NativeLaunchException(
                    $"The server runs as '{owner.Name}' (PostgreSQL refuses root), and '{parent}' is not traversable by that account. " +
                    $"Fix: run 'chmod o+x {parent}', or set Deploy:StateDirectory to a directory other accounts can traverse.");
            }
        }
    }
}
