using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>AddExecutable</c>: any program as a resource.</summary>
public static class ExecutableExtensions
{
    /// <summary>Adds a program; <paramref name="workingDirectory"/> is relative to the AppHost directory.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command,
        string workingDirectory, params string[]? args)
    {
        var directory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory));
        var executable = builder.AddResource(new ExecutableResource(name, command, directory));
        return args is { Length: > 0 } ? executable.WithArgs(args) : executable;
    }

    /// <summary>Adds a program whose arguments may include deferred values.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command,
        string workingDirectory, params object[]? args)
    {
        var directory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory));
        var executable = builder.AddResource(new ExecutableResource(name, command, directory));
        return args is { Length: > 0 } ? executable.WithArgs(args) : executable;
    }
}
