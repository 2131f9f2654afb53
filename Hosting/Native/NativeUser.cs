namespace Deploy.Hosting.Native;

/// <summary>A local account a native server runs as when the AppHost is root.</summary>
internal sealed record NativeUser(string Name, int Uid, int Gid)
{
    /// <summary>The account native servers run as when the AppHost is root (PostgreSQL refuses root); null otherwise.</summary>
    public static NativeUser? ForServers() =>
        Posix.IsRoot ? Posix.FindUser("postgres") ?? Posix.FindUser("nobody") : null;
}
