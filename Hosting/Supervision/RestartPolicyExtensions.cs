using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Supervision;

namespace Aspire.Hosting;

/// <summary><c>WithRestartPolicy</c>: how Deploy restarts a resource's processes in run mode (on by default).</summary>
public static class RestartPolicyExtensions
{
    /// <summary>Sets how the resource's processes are restarted when they exit on their own.</summary>
    /// <param name="builder">A project, executable, or a server Deploy runs natively.</param>
    /// <param name="mode">When to restart; <see cref="RestartMode.Always"/> by default.</param>
    /// <param name="initialDelay">The first back-off; 1 s when not given. It doubles with each restart.</param>
    /// <param name="maxDelay">The longest back-off; 30 s when not given.</param>
    /// <param name="maxRestarts">Restarts allowed within <paramref name="window"/> before Deploy gives up; 5 when not given.</param>
    /// <param name="window">The window for <paramref name="maxRestarts"/>; 2 minutes when not given.</param>
    /// <exception cref="ArgumentException">The policy is invalid; the message lists every problem and its fix.</exception>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartMode mode = RestartMode.Always,
        TimeSpan? initialDelay = null, TimeSpan? maxDelay = null, int? maxRestarts = null, TimeSpan? window = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = RestartPolicy.Default;
        var policy = new RestartPolicy(mode, initialDelay ?? defaults.InitialDelay, maxDelay ?? defaults.MaxDelay,
            maxRestarts ?? defaults.MaxRestarts, window ?? defaults.Window);
        var errors = policy.Validate(builder.Resource.Name);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(builder));
        return builder.WithAnnotation(policy, ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Turns Deploy's restarts off for the resource.</summary>
    public static IResourceBuilder<T> WithoutRestarts<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithRestartPolicy(RestartMode.Never);
}
