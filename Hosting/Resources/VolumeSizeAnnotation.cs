using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Resources;

/// <summary>The storage to provision for the volume mounted at <paramref name="Target"/> when published.</summary>
/// <param name="Target">The mount's target path in the container.</param>
/// <param name="Size">A Kubernetes quantity such as <c>10Gi</c>.</param>
public sealed record VolumeSizeAnnotation(string Target, string Size) : IResourceAnnotation;
