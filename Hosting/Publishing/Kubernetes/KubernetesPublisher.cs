using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary><c>publish kubernetes</c>: a kustomize tree (<c>base/</c> per resource, <c>overlays/</c> per environment)
/// plus a Dockerfile per project, then the next steps on stdout.</summary>
/// <remarks>Options: <c>--environment NAME</c> adds an overlay; <c>--fill-secrets</c> (configuration
/// <c>Publish:FillSecrets=true</c>) writes secret values into the git-ignored env files; <c>Publish:Kubernetes:*</c>
/// configures ingress, storage and GPU scheduling (see <see cref="KubernetesOptions"/>).</remarks>
public sealed class KubernetesPublisher : IPublisher
{
    /// <inheritdoc />
    public string Name => "kubernetes";

    /// <inheritdoc />
    public string DefaultOutputPath => "deploy/k8s";

    /// <inheritdoc />
    public async Task PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        var options = KubernetesOptions.From(context.Configuration, context.EnvironmentName);
        var model = context.Model;
        var workloads = model.Resources.Where(IsWorkload).ToList();
        var errors = PublishabilityChecker.Check(workloads, options);
        var ports = EndpointPorts.Plan(workloads.Where(PublishabilityChecker.HasImage), errors);
        if (errors.Count > 0)
            throw Failure(errors);

        var renderer = new ValueRenderer(ports);
        var planner = new WorkloadPlanner(context, options, ports, renderer);
        var plans = new List<WorkloadPlan>();
        foreach (var workload in workloads.OrderBy(w => KubernetesNames.Of(w.Name), StringComparer.Ordinal))
            plans.Add(await planner.PlanAsync(workload, cancellationToken));
        if (renderer.Errors.Count > 0)
            throw Failure(renderer.Errors);

        var parameters = SecretParameters(plans);
        Directory.CreateDirectory(context.OutputPath);
        BaseWriter.Write(context.OutputPath, plans, model.AppName, options);
        var stillEmpty = OverlayWriter.Write(context.OutputPath, context.FinalOutputPath, plans, parameters, model.AppName, options);
        await context.Output.WriteAsync(NextSteps.Build(context.FinalOutputPath, plans, parameters, options, options.FillSecrets ? stillEmpty : null));
    }

    private static bool IsWorkload(IResource resource) => resource is ProjectResource or ContainerResource or ExecutableResource;

    /// <summary>Every parameter the Secret must hold, in a stable order.</summary>
    private static List<ParameterResource> SecretParameters(IEnumerable<WorkloadPlan> plans)
    {
        return [.. plans.SelectMany(p => p.SecretEnv).Select(e => e.Parameter).OfType<ParameterResource>().Distinct()
            .OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static DistributedApplicationException Failure(List<string> errors) => new(
        $"The model cannot be published to Kubernetes ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was written.\n" +
        string.Join('\n', errors.Select(e => $"  - {e}")));
}
