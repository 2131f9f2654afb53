namespace Deploy.Hosting.Native;

/// <summary>How to run a container resource as a local process when no container engine answers.</summary>
/// <remarks>The recipe reproduces the container's contract (same port, same environment semantics, same
/// connection string), so the rest of the model cannot tell the difference.</remarks>
public interface INativeRecipe
{
    /// <summary>The programs the recipe needs, each with the Debian package that provides it.</summary>
    IReadOnlyList<NativeBinary> Binaries { get; }

    /// <summary>The container path of the data directory; a volume or bind mount there becomes the native data directory.</summary>
    string DataMountTarget { get; }

    /// <summary>Prepares the data directory (first run: initialise it) and describes the process to start.</summary>
    Task<NativeProcessSpec> PrepareAsync(NativeLaunchContext context, CancellationToken cancellationToken);
}

/// <summary>A program a recipe needs.</summary>
/// <param name="Name">The executable's name.</param>
/// <param name="DebianPackage">The package that provides it, for the error message.</param>
/// <param name="ExtraDirectories">Where to look besides PATH (globs allowed in the last segment's parent, e.g. <c>/usr/lib/postgresql/*/bin</c>).</param>
public sealed record NativeBinary(string Name, string DebianPackage, IReadOnlyList<string> ExtraDirectories);

/// <summary>What a recipe gets to prepare a launch.</summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="DataDirectory">Where data lives (persistent with a data volume, else temporary).</param>
/// <param name="Port">The port to listen on (127.0.0.1 only).</param>
/// <param name="Environment">The resource's resolved environment (as the container would get it).</param>
/// <param name="Binaries">Resolved paths of <see cref="INativeRecipe.Binaries"/>, by name.</param>
/// <param name="RunAs">The unprivileged account to run as when the AppHost is root, else null.</param>
/// <param name="Log">Writes a line to the resource's console log.</param>
public sealed record NativeLaunchContext(
    string ResourceName,
    string DataDirectory,
    int Port,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Binaries,
    NativeUser? RunAs,
    Action<string> Log);

/// <summary>A local account (for dropping root).</summary>
public sealed record NativeUser(string Name, int Uid, int Gid);

/// <summary>The process a recipe wants started.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Args">Its arguments (never secrets: those go in files with owner-only permissions).</param>
/// <param name="WorkingDirectory">Its working directory.</param>
/// <param name="RunAs">The account to run as, or null for the AppHost's.</param>
/// <param name="StopSignal">The signal that stops it cleanly (Postgres: SIGINT, its fast shutdown).</param>
public sealed record NativeProcessSpec(string FileName, IReadOnlyList<string> Args, string WorkingDirectory, NativeUser? RunAs, int StopSignal = 15);

/// <summary>Attaches a native recipe to a container resource.</summary>
public sealed record NativeRecipeAnnotation(INativeRecipe Recipe) : Aspire.Hosting.ApplicationModel.IResourceAnnotation;
