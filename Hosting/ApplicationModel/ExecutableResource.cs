namespace Aspire.Hosting.ApplicationModel;

/// <summary>Any program started as a process.</summary>
public class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>The program to run (a path or a name on PATH).</summary>
    public string Command { get; } = command;

    /// <summary>The absolute working directory.</summary>
    public string WorkingDirectory { get; } = workingDirectory;
}
