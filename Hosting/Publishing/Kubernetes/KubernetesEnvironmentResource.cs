using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Kubernetes;

namespace Aspire.Hosting.Kubernetes;

/// <summary>A Kubernetes target (<c>AddKubernetesEnvironment</c>): publishing writes a kustomize tree into
/// <c>&lt;output-path&gt;/&lt;name&gt;/</c> (<c>base/</c> per resource, <c>overlays/</c> per environment, a Dockerfile per
/// project under <c>images/</c>) and logs the commands that build, push and apply it.</summary>
/// <remarks>Every property can also be set in configuration as <c>Deploy:Kubernetes:&lt;Property&gt;</c> (appsettings,
/// environment variables, or <c>--Deploy:Kubernetes:IngressDomain=example.com</c> on the command line), which wins
/// over the value set in code, so one AppHost serves several clusters. Two switches are configuration only:
/// <c>--environment NAME</c> adds an overlay for that environment (and the next steps use it), and
/// <c>Deploy:Kubernetes:FillSecrets=true</c> fills the git-ignored <c>parameters.env</c> of every overlay with configured
/// and generated values (existing values are kept).</remarks>
public sealed class KubernetesEnvironmentResource(string name) : PublishTargetResource(name)
{
    /// <inheritdoc />
    public override string TargetDisplayName => "Kubernetes";

    /// <summary>The overlays to write; <c>development</c>, <c>staging</c> and <c>production</c> unless set.</summary>
    public IList<string> Environments { get; } = ["development", "staging", "production"];

    /// <summary>Each overlay's namespace is <c>&lt;Namespace&gt;-&lt;environment&gt;</c>; also the
    /// <c>app.kubernetes.io/part-of</c> label. The environment resource's name unless set.</summary>
    public string? Namespace { get; set; }

    /// <summary>The registry that overlays point project and Dockerfile images at (<c>&lt;registry&gt;/&lt;resource&gt;</c>);
    /// none (local image names) unless set.</summary>
    public string? ImageRegistry { get; set; }

    /// <summary>The tag overlays give images built here; <c>latest</c> unless set.</summary>
    public string ImageTag { get; set; } = "latest";

    /// <summary>The Ingress class of external endpoints' Ingresses; the cluster default unless set.</summary>
    public string? IngressClassName { get; set; }

    /// <summary>Default Ingress hosts: <c>&lt;resource&gt;.&lt;IngressDomain&gt;</c> in production, <c>&lt;resource&gt;.&lt;environment&gt;.&lt;IngressDomain&gt;</c> elsewhere; without it, any host.</summary>
    public string? IngressDomain { get; set; }

    /// <summary>A cert-manager ClusterIssuer: with it (and a domain) Ingresses get TLS certificates through cert-manager.</summary>
    public string? IngressClusterIssuer { get; set; }

    /// <summary>The storage class of volume claims (Aspire's name); the cluster default unless set.</summary>
    public string? DefaultStorageClassName { get; set; }

    /// <summary>The size of a volume claim without <c>WithVolumeSize</c> (Aspire's name); <c>1Gi</c> unless set.</summary>
    public string DefaultStorageSize { get; set; } = "1Gi";

    /// <summary><c>key=value</c> for GPU pods' nodeSelector; null for the vendor's default
    /// (<c>nvidia.com/gpu.present=true</c>), empty for none.</summary>
    public string? GpuNodeSelector { get; set; }

    /// <summary>The taint key GPU pods tolerate; null for the vendor's resource name (<c>nvidia.com/gpu</c>), empty for none.</summary>
    public string? GpuTolerationKey { get; set; }

    internal override Task PublishAsync(PublishContext context) => KubernetesPublisher.PublishAsync(this, context);
}
