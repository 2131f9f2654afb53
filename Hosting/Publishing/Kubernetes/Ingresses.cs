using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Environments;
using Deploy.Hosting.Routing;
using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>One Ingress per overlay, with a rule for each workload's first external HTTP endpoint.</summary>
/// <remarks>One object, not one per service: the controller merges Ingresses anyway, and two of them claiming the same
/// host and path would silently split traffic; in one object the publisher sees every route and rejects collisions.
/// Host: the environment's (<c>ForEnvironment</c>, <c>WithRoute</c>), else <c>&lt;resource&gt;.&lt;domain&gt;</c> in
/// production and <c>&lt;resource&gt;.&lt;environment&gt;.&lt;domain&gt;</c> elsewhere, else any host. TLS through
/// cert-manager when <c>IngressClusterIssuer</c> is set, for the rules that have a host.</remarks>
internal static class Ingresses
{
    public const string ProductionEnvironment = "production";

    /// <summary>The routes of the services' first external HTTP endpoints in <paramref name="environment"/>, in order.</summary>
    public static List<(IResource Resource, PortPlan Port, PublishedRoute Route)> Routes(IEnumerable<IResource> services,
        Func<IResource, IReadOnlyList<PortPlan>> portsOf, string environment, KubernetesOptions options)
    {
        var routes = new List<(IResource, PortPlan, PublishedRoute)>();
        foreach (var service in services)
        {
            if (portsOf(service).FirstOrDefault(p => p.IsExternal && p.IsHttp) is not { } port)
                continue;
            var name = KubernetesNames.Of(service.Name);
            var host = DeploymentSettings.For(service, environment).Host ?? DefaultHost(name, environment, options.IngressDomain);
            var path = service.Annotations.OfType<RouteAnnotation>().LastOrDefault()?.Path ?? "/";
            routes.Add((service, port, new PublishedRoute(service.Name, host?.ToLowerInvariant(), path)));
        }

        return routes;
    }

    public static string? DefaultHost(string name, string environment, string? domain) =>
        domain is null ? null
        : string.Equals(environment, ProductionEnvironment, StringComparison.OrdinalIgnoreCase) ? $"{name}.{domain}"
        : $"{name}.{KubernetesNames.Label(environment)}.{domain}";

    public static string Name(KubernetesOptions options) => KubernetesNames.Label(options.AppName, "app");

    /// <summary>The overlay's Ingress, or null when nothing is external.</summary>
    public static OrderedDictionary<string, object>? Build(IReadOnlyList<WorkloadPlan> plans, string environment, KubernetesOptions options)
    {
        var routes = Routes(plans.Where(p => !p.IsJob).Select(p => p.Resource), r => plans.First(p => p.Resource == r).Ports, environment, options);
        if (routes.Count == 0)
            return null;

        var name = Name(options);
        var hosts = routes.Select(r => r.Route.Host).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var tls = options.IngressClusterIssuer is not null && hosts.Count > 0;
        var labels = Sorted([KeyValuePair.Create(KubernetesNames.PartOfLabel, name), KeyValuePair.Create(KubernetesNames.ManagedByLabel, "deploy")]);
        var metadata = Map(("name", name), ("labels", labels),
            ("annotations", tls ? Sorted([KeyValuePair.Create("cert-manager.io/cluster-issuer", options.IngressClusterIssuer!)]) : null));
        var rules = routes.Select(r => (object)Map(("host", r.Route.Host), ("http", Map(("paths", new List<object>
        {
            Map(("path", r.Route.NormalizedPath), ("pathType", "Prefix"),
                ("backend", Map(("service", Map(("name", KubernetesNames.Of(r.Resource.Name)), ("port", Map(("name", r.Port.PortName)))))))),
        }))))).ToList();
        var spec = Map(
            ("ingressClassName", options.IngressClassName),
            ("tls", tls ? new List<object> { Map(("hosts", hosts.Select(h => (object)h).ToList()), ("secretName", $"{name}-tls")) } : null),
            ("rules", rules));
        return Map(("apiVersion", "networking.k8s.io/v1"), ("kind", "Ingress"), ("metadata", metadata), ("spec", spec));
    }
}
