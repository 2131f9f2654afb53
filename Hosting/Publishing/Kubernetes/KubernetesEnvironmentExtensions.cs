using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kubernetes;
using Deploy.Hosting.Publishing;

namespace Aspire.Hosting;

/// <summary><c>AddKubernetesEnvironment</c> with Aspire's signature, and the settings of the Kubernetes target.</summary>
public static class KubernetesEnvironmentExtensions
{
    /// <summary>Declares a Kubernetes target: <c>aspire publish -o DIR</c> (or the pipeline step <c>publish-&lt;name&gt;</c>)
    /// writes a kustomize tree into <c>DIR/&lt;name&gt;/</c>. In run mode it is only a declaration.</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> AddKubernetesEnvironment(this IDistributedApplicationBuilder builder,
        [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPublishTarget(new KubernetesEnvironmentResource(name));
    }

    /// <summary>Sets any of the target's properties (Aspire's name for it).</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithProperties(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        Action<KubernetesEnvironmentResource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource);
        return builder;
    }

    /// <summary>Each overlay's Ingress uses <paramref name="className"/> and routes every external service from its host
    /// (<c>WithRoute</c>, <c>ForEnvironment</c>), else <c>&lt;resource&gt;.&lt;<paramref name="domain"/>&gt;</c> in production
    /// and <c>&lt;resource&gt;.&lt;environment&gt;.&lt;<paramref name="domain"/>&gt;</c> in the other environments.</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithIngress(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string? className = null, string? domain = null) => builder.WithProperties(k =>
        {
            k.IngressClassName = className;
            k.IngressDomain = domain;
        });

    /// <summary>Ingresses get TLS from cert-manager's ClusterIssuer <paramref name="clusterIssuer"/> (needs an ingress domain).</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithCertManager(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string clusterIssuer) => builder.WithProperties(k => k.IngressClusterIssuer = clusterIssuer);

    /// <summary>Overlays deploy into <c>&lt;<paramref name="prefix"/>&gt;-&lt;environment&gt;</c>.</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithNamespace(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string prefix) => builder.WithProperties(k => k.Namespace = prefix);

    /// <summary>Writes exactly these overlays (lower-case DNS labels, e.g. <c>dev</c>, <c>prod</c>).</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithEnvironments(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        params string[] environments) => builder.WithProperties(k =>
        {
            k.Environments.Clear();
            foreach (var environment in environments)
                k.Environments.Add(environment);
        });

    /// <summary>Overlays point images built here at <c>&lt;<paramref name="registry"/>&gt;/&lt;resource&gt;:&lt;<paramref name="tag"/>&gt;</c>.</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithImageRegistry(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string registry, string tag = "latest") => builder.WithProperties(k =>
        {
            k.ImageRegistry = registry;
            k.ImageTag = tag;
        });

    /// <summary>Volume claims use <paramref name="storageClassName"/> and, without <c>WithVolumeSize</c>, <paramref name="defaultSize"/>.</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithStorage(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string? storageClassName, string defaultSize = "1Gi") => builder.WithProperties(k =>
        {
            k.DefaultStorageClassName = storageClassName;
            k.DefaultStorageSize = defaultSize;
        });

    /// <summary>GPU pods select nodes by <paramref name="nodeSelector"/> (<c>key=value</c>) and tolerate the taint
    /// <paramref name="tolerationKey"/>; empty turns either off (AKS: <c>agentpool=gpunp</c> and <c>sku</c>).</summary>
    public static IResourceBuilder<KubernetesEnvironmentResource> WithGpuScheduling(this IResourceBuilder<KubernetesEnvironmentResource> builder,
        string? nodeSelector, string? tolerationKey) => builder.WithProperties(k =>
        {
            k.GpuNodeSelector = nodeSelector;
            k.GpuTolerationKey = tolerationKey;
        });
}
