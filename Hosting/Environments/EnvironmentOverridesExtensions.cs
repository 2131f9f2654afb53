using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Environments;

namespace Aspire.Hosting;

/// <summary><c>ForEnvironment</c>: how one deployment environment differs from the model, declared in the model.</summary>
public static class EnvironmentOverridesExtensions
{
    /// <summary>Changes the resource in the deployment environment <paramref name="environment"/> only, e.g.
    /// <c>.ForEnvironment("production", new() { MinReplicas = 2, MaxReplicas = 10, Host = "docs.example.com" })</c>.
    /// A second call for the same environment adds to the first. Run mode ignores it.</summary>
    public static IResourceBuilder<T> ForEnvironment<T>(this IResourceBuilder<T> builder, string environment, EnvironmentOverrides overrides)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentNullException.ThrowIfNull(overrides);
        var existing = builder.Resource.Annotations.OfType<EnvironmentOverridesAnnotation>()
            .FirstOrDefault(a => string.Equals(a.Environment, environment.Trim(), StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            builder.Resource.Annotations.Remove(existing);
        var merged = existing is null ? overrides : existing.Overrides.Merge(overrides);
        return builder.WithAnnotation(new EnvironmentOverridesAnnotation(environment.Trim(), merged));
    }
}
