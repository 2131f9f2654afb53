using System.Runtime.InteropServices;

namespace Deploy.Hosting.Native;

/// <summary>The few POSIX calls the engine needs that .NET does not expose.</summary>
internal static partial class Posix
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    /// <summary>Sends a signal to a process group (the engine starts every child as its own group leader).</summary>
    public static bool SignalGroup(int processGroupId, int signal) => Kill(-processGroupId, signal) == 0;

    /// <summary>Sends a signal to one process.</summary>
    public static bool Signal(int processId, int signal) => Kill(processId, signal) == 0;

    public static void ChangeOwner(string path, NativeUser user)
    {
        if (Chown(path, user.Uid, user.Gid) != 0)
            throw new IOException($"Could not give '{path}' to user '{user.Name}' (errno {Marshal.GetLastPInvokeError()}).");
    }

    /// <summary>Looks an account up in /etc/passwd.</summary>
    public static NativeUser? FindUser(string name)
    {
        if (!File.Exists("/etc/passwd"))
            return null;
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name && int.TryParse(fields[2], out var uid) && int.TryParse(fields[3], out var gid))
                return new NativeUser(name, uid, gid);
        }

        return null;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
