using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>An Ingress for a workload's first external HTTP endpoint.</summary>
/// <remarks>Host <c>&lt;resource&gt;.&lt;IngressDomain&gt;</c> when a domain is set (otherwise any
/// host); class from <c>IngressClassName</c> (otherwise the cluster default); TLS through cert-manager when
/// <c>IngressClusterIssuer</c> is set as well as a domain (<c>WithIngress</c>, <c>WithCertManager</c>).</remarks>
internal static class Ingresses
{
    public static OrderedDictionary<string, object>? Build(WorkloadPlan plan, object labels, KubernetesOptions options)
    {
        var external = plan.Ports.FirstOrDefault(p => p.IsExternal && p.IsHttp);
        if (external is null || plan.IsJob)
            return null;

        var host = options.IngressDomain is null ? null : $"{plan.Name}.{options.IngressDomain}";
        var tls = host is not null && options.IngressClusterIssuer is not null;
        var metadata = Map(("name", plan.Name), ("labels", labels),
            ("annotations", tls ? Sorted([KeyValuePair.Create("cert-manager.io/cluster-issuer", options.IngressClusterIssuer!)]) : null));
        var rule = Map(("host", host), ("http", Map(("paths", new List<object>
        {
            Map(("path", "/"), ("pathType", "Prefix"),
                ("backend", Map(("service", Map(("name", plan.Name), ("port", Map(("name", external.PortName)))))))),
        }))));
        var spec = Map(
            ("ingressClassName", options.IngressClassName),
            ("tls", tls ? new List<object> { Map(("hosts", new List<object> { host! }), ("secretName", $"{plan.Name}-tls")) } : null),
            ("rules", new List<object> { rule }));
        return Map(("apiVersion", "networking.k8s.io/v1"), ("kind", "Ingress"), ("metadata", metadata), ("spec", spec));
    }
}
