using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Environments;
using Deploy.Hosting.Routing;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing;

/// <summary>The rules every target applies before writing anything: environment names, one-shot work, per-environment
/// overrides and routes. Each problem names the resource (or environment), the rule and the fix.</summary>
internal static partial class ModelRules
{
    public static List<string> Check(IReadOnlyCollection<IResource> model, IReadOnlyCollection<string> environments, string targetName)
    {
        var problems = new List<string>();
        foreach (var environment in environments.Where(e => !IsEnvironmentName(e)))
        {
            problems.Add($"Environment '{environment}' of target '{targetName}' is not a DNS label. Fix: use lower-case letters, digits and " +
                $"hyphens, starting and ending with a letter or digit, at most 63 characters (e.g. '{DnsLabel.From(environment, fallback: "staging")}').");
        }

        foreach (var resource in model)
        {
            if (OneShot.Is(resource, model))
                CheckOneShot(resource, problems);
            CheckOverrides(resource, environments, targetName, problems);
            CheckRoute(resource, problems);
        }

        return problems;
    }

    /// <summary>A DNS label once lower-cased (<c>Staging</c> names the same environment as <c>staging</c>).</summary>
    public static bool IsEnvironmentName(string environment) =>
        environment.Length is > 0 and <= 63 && Label().IsMatch(environment.ToLowerInvariant());

    private static void CheckOneShot(IResource resource, List<string> problems)
    {
        var name = resource.Name;
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        var scaled = resource.Annotations.OfType<AutoscalingAnnotation>().Any()
            || resource.Annotations.OfType<EnvironmentOverridesAnnotation>().Any(o => o.Overrides.Replicas > 1 || o.Overrides.MaxReplicas is not null);
        if (replicas > 1 || scaled)
        {
            problems.Add($"Resource '{name}' is awaited with WaitForCompletion, so it runs once to completion, but it also has replicas or autoscaling. " +
                $"Fix: remove WithReplicas/WithAutoscaling from '{name}', or await it with WaitFor if it is a service that stays up.");
        }

        var external = resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.IsExternal).Select(e => e.Name).ToList();
        if (external.Count > 0)
        {
            problems.Add($"Resource '{name}' is awaited with WaitForCompletion, so it runs once to completion, but it has external endpoints " +
                $"({string.Join(", ", external)}) that nothing could serve once it exits. Fix: remove WithExternalHttpEndpoints from '{name}', " +
                "or await it with WaitFor if it is a service that stays up.");
        }
    }

    private static void CheckOverrides(IResource resource, IReadOnlyCollection<string> environments, string targetName, List<string> problems)
    {
        foreach (var (environment, o) in resource.Annotations.OfType<EnvironmentOverridesAnnotation>().Select(a => (a.Environment, a.Overrides)))
        {
            var where = $"Resource '{resource.Name}', ForEnvironment(\"{environment}\")";
            // A target without a fixed list (azd environments are created at deploy time) accepts any name.
            if (environments.Count > 0 && !environments.Contains(environment, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{where}: target '{targetName}' publishes no environment '{environment}' (it has {string.Join(", ", environments)}). " +
                    "Fix: use one of those names, or add the environment to the target with WithEnvironments(...).");
            }

            if (o.Replicas is < 0 || o.MinReplicas is < 0 || o.MaxReplicas is < 1 || (o.MinReplicas > o.MaxReplicas && o.MaxReplicas is not null))
                problems.Add($"{where}: replicas {Show(o.Replicas)}, min {Show(o.MinReplicas)}, max {Show(o.MaxReplicas)}. Fix: use 0 <= min <= max and max >= 1.");
            if (o.Cpu is <= 0 || o.MemoryMiB is <= 0)
                problems.Add($"{where}: CPU {Show(o.Cpu)}, memory {Show(o.MemoryMiB)} MiB. Fix: give a positive CPU (cores) and memory (MiB).");
            if (o.Host is { } host && !IsHost(host))
                problems.Add($"{where}: host '{host}' is not a DNS name. Fix: use lower-case labels separated by dots, e.g. 'docs.example.com'.");
            if (o.ImageTag is { } tag && !ImageTag().IsMatch(tag))
                problems.Add($"{where}: image tag '{tag}' is not a valid tag. Fix: use letters, digits, '_', '.' and '-', at most 128 characters.");
        }
    }

    private static void CheckRoute(IResource resource, List<string> problems)
    {
        if (resource.Annotations.OfType<RouteAnnotation>().LastOrDefault() is not { } route)
            return;
        if (!route.Path.StartsWith('/') || route.Path.Any(char.IsWhiteSpace))
            problems.Add($"Resource '{resource.Name}': route path '{route.Path}' must start with '/' and contain no spaces. Fix: use e.g. WithRoute(\"/api\").");
        if (route.Host is { } host && !IsHost(host))
            problems.Add($"Resource '{resource.Name}': route host '{host}' is not a DNS name. Fix: use lower-case labels separated by dots, e.g. 'docs.example.com'.");
        if (!resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal))
            problems.Add($"Resource '{resource.Name}' has WithRoute but no external endpoint to route to. Fix: call WithExternalHttpEndpoints() on it.");
    }

    private static bool IsHost(string host) => host.Length <= 253 && host.Split('.').All(l => l.Length is > 0 and <= 63 && Label().IsMatch(l));

    private static string Show<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "unset";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTag();
}
