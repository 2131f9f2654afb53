using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing;

/// <summary>One-shot work: a resource another resource awaits with <c>WaitForCompletion</c>. It runs to completion
/// once per deployment (a Kubernetes Job, a Compose service that is not restarted, a Container Apps Job).</summary>
internal static class OneShot
{
    public static bool Is(IResource resource, IEnumerable<IResource> model) =>
        model.Any(r => r.Annotations.OfType<WaitAnnotation>().Any(w => w.WaitType == WaitType.WaitForCompletion && ReferenceEquals(w.Resource, resource)));

    /// <summary>The resources that wait for <paramref name="job"/> to complete.</summary>
    public static IEnumerable<IResource> Dependents(IResource job, IEnumerable<IResource> model) =>
        model.Where(r => r.Annotations.OfType<WaitAnnotation>().Any(w => w.WaitType == WaitType.WaitForCompletion && ReferenceEquals(w.Resource, job)));
}
