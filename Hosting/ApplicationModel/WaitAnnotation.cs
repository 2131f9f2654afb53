namespace Aspire.Hosting.ApplicationModel;

/// <summary>The resource starts only once <see cref="Resource"/> is ready (or has completed).</summary>
public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0) : IResourceAnnotation;

/// <summary>What a wait waits for.</summary>
public enum WaitType
{
    /// <summary>Running and healthy (and its ready work done, e.g. databases created).</summary>
    WaitUntilHealthy,
    /// <summary>Exited with the expected exit code.</summary>
    WaitForCompletion,
}
