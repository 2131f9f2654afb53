using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Kubernetes;
using Deploy.Hosting.Routing;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Writes the kustomize tree of a <see cref="KubernetesEnvironmentResource"/>: <c>base/</c> per resource,
/// <c>overlays/</c> per environment, a Dockerfile per project under <c>images/</c>; then logs the next steps.</summary>
/// <remarks>Every problem is collected before anything is written; the publish fails with all of them.</remarks>
internal static class KubernetesPublisher
{
    public static async Task PublishAsync(KubernetesEnvironmentResource target, PublishContext context)
    {
        var options = KubernetesOptions.From(target, context.Configuration);
        var workloads = context.Model.Resources.Where(IsWorkload).ToList();
        var errors = ModelRules.Check([.. context.Model.Resources], options.Environments, target.Name);
        errors.AddRange(PublishabilityChecker.Check(workloads, options));
        var ports = EndpointPorts.Plan(workloads.Where(PublishabilityChecker.HasImage), errors);
        // Routes are known once ports are planned; every environment's collisions are reported with the other problems.
        var services = workloads.Where(w => PublishabilityChecker.HasImage(w) && !OneShot.Is(w, context.Model.Resources)).ToList();
        foreach (var environment in options.Environments)
            errors.AddRange(RouteCollisions.Find(Ingresses.Routes(services, r => ports.GetValueOrDefault(r) ?? [], environment, options).Select(r => r.Route), environment));
        if (errors.Count > 0)
            throw Failure(errors);

        var renderer = new ValueRenderer(ports);
        var planner = new WorkloadPlanner(context, options, ports, renderer);
        var plans = new List<WorkloadPlan>();
        foreach (var workload in workloads.OrderBy(w => KubernetesNames.Of(w.Name), StringComparer.Ordinal))
            plans.Add(await planner.PlanAsync(workload).ConfigureAwait(false));
        if (renderer.Errors.Count > 0)
            throw Failure(renderer.Errors);

        var parameters = SecretParameters(plans);
        BaseWriter.Write(context.OutputPath, plans, options);
        var stillEmpty = OverlayWriter.Write(context.OutputPath, context.FinalOutputPath, plans, parameters, options, context.Configuration);
        context.Logger.LogInformation("{NextSteps}",
            NextSteps.Build(context.FinalOutputPath, plans, parameters, options, options.FillSecrets ? stillEmpty : null));
    }

    /// <summary>What runs in the cluster: projects, containers and executables (which need a Dockerfile); not
    /// parameters, databases (their server runs them) or publish targets.</summary>
    public static bool IsWorkload(IResource resource) =>
        resource is ProjectResource or ContainerResource or ExecutableResource && !resource.IsExcludedFromPublish();

    /// <summary>Every parameter the Secret must hold, in a stable order.</summary>
    private static List<ParameterResource> SecretParameters(IEnumerable<WorkloadPlan> plans) =>
        [.. plans.SelectMany(p => p.SecretEnv).Select(e => e.Parameter).OfType<ParameterResource>().Distinct()
            .OrderBy(p => p.Name, StringComparer.Ordinal)];

    private static DistributedApplicationException Failure(List<string> errors) => new(
        $"The model cannot be published to Kubernetes ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was written.\n" +
        string.Join('\n', errors.Select(e => $"  - {e}")));
}
