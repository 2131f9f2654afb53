using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Scaling;

namespace Aspire.Hosting;

/// <summary><c>WithAutoscaling</c>: how a published resource scales with load (run mode keeps its fixed replicas).</summary>
public static class ScalingExtensions
{
    /// <summary>Scales between <paramref name="minReplicas"/> and <paramref name="maxReplicas"/> on CPU use
    /// (<paramref name="cpuPercent"/> of the requested CPU, 70 by default).</summary>
    public static IResourceBuilder<T> WithAutoscaling<T>(this IResourceBuilder<T> builder, int minReplicas, int maxReplicas, int cpuPercent = 70)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new AutoscalingAnnotation(minReplicas, maxReplicas, cpuPercent), ResourceAnnotationMutationBehavior.Replace);
}
