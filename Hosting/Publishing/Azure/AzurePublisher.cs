using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Publishing.Kubernetes;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary><c>publish azure</c>: <c>azure.yaml</c> and <c>infra/</c> in the layout azd provisions and deploys
/// (<c>azd up</c>), with what azd's own generator cannot express: GPU workload profiles, probes, scale rules, secrets as
/// <c>@secure()</c> parameters, a managed identity, and managed Postgres/Redis on opt-in. Then the next steps on stdout.</summary>
public sealed class AzurePublisher : IPublisher
{
    /// <inheritdoc />
    public string Name => "azure";

    /// <inheritdoc />
    public string DefaultOutputPath => "deploy/azure";

    /// <inheritdoc />
    public async Task PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        var model = context.Model;
        var services = model.Resources.Where(r => r.Annotations.OfType<AzureManagedServiceAnnotation>().Any())
            .OrderBy(r => AzureNames.App(r.Name), StringComparer.Ordinal).ToList();
        var apps = model.Resources.Where(r => (r is ProjectResource or ContainerResource or ExecutableResource) && !services.Contains(r))
            .OrderBy(r => AzureNames.App(r.Name), StringComparer.Ordinal).ToList();
        var errors = AzureProblems.Check(apps);
        var ports = AzurePorts.Plan(apps.Where(AzureProblems.HasImage), errors);
        if (errors.Count > 0)
            throw Failure(errors);

        // Symbols are allocated in a fixed order so that names chosen around collisions are the same on every publish.
        var symbols = new BicepSymbols();
        services.ForEach(s => symbols.Service(s));
        apps.ForEach(a => symbols.App(a));
        foreach (var parameter in model.AllResources.OfType<ParameterResource>().OrderBy(p => p.Name, StringComparer.Ordinal))
            symbols.Parameter(parameter);

        var renderer = new BicepValueRenderer(ports);
        var planner = new AppPlanner(context, symbols, ports, renderer, errors);
        var plans = new List<AppPlan>();
        foreach (var app in apps)
            plans.Add(await planner.PlanAsync(app, cancellationToken));
        errors.AddRange(renderer.Errors);
        if (errors.Count > 0)
            throw Failure(errors);

        var servicePlans = services.Select(s => new ServicePlan(s, s.Annotations.OfType<AzureManagedServiceAnnotation>().Last(), symbols.Service(s),
            AzureNames.App(s.Name))).ToList();
        var parameters = Parameters(plans, servicePlans);
        Write(context, plans, servicePlans, parameters, symbols);
        await context.Output.WriteAsync(AzureNextSteps.Build(context.FinalOutputPath, plans, servicePlans, parameters, context.EnvironmentName));
    }

    private static void Write(PublishContext context, List<AppPlan> plans, List<ServicePlan> services, List<ParameterResource> parameters, BicepSymbols symbols)
    {
        var root = context.OutputPath;
        Directory.CreateDirectory(root);
        OutputFiles.Write(root, "azure.yaml", AzureYaml.Write(context.Model.AppName, plans, context.FinalOutputPath));
        OutputFiles.Write(root, "infra/main.bicep", MainBicep.Write(plans, services, parameters, symbols));
        OutputFiles.Write(root, "infra/main.parameters.json", ParametersFile.Write(plans, parameters, symbols));
        var gpuProfiles = plans.Select(p => p.Gpu).OfType<GpuProfile>().DistinctBy(g => g.Name).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var shares = plans.SelectMany(p => p.Volumes).Where(v => v.StorageName is not null).ToList();
        OutputFiles.Write(root, "infra/resources.bicep", ResourcesBicep.Write(gpuProfiles, shares));
        foreach (var service in services)
            OutputFiles.Write(root, $"infra/services/{service.Name}.bicep", ManagedServiceModule.Write(service.Resource, service.Service));
        foreach (var plan in plans)
        {
            OutputFiles.Write(root, $"infra/apps/{plan.Name}.bicep", ContainerAppModule.Write(plan));
            if (plan.Build is { } build)
            {
                OutputFiles.Write(root, $"{AzureYaml.ImagesFolder}/{plan.Name}.Dockerfile", build.Dockerfile);
                OutputFiles.Write(root, $"{AzureYaml.ImagesFolder}/{plan.Name}.Dockerfile.dockerignore", build.DockerIgnore);
            }
        }
    }

    /// <summary>Every model parameter a module needs, in a stable order.</summary>
    private static List<ParameterResource> Parameters(IEnumerable<AppPlan> plans, IEnumerable<ServicePlan> services)
    {
        var used = plans.SelectMany(p => p.Inputs.Parameters.Values)
            .Concat(services.Select(s => s.Service.AdministratorPassword).OfType<ParameterResource>())
            .Concat(services.Select(s => s.Service.AdministratorLogin).OfType<ParameterResource>());
        return [.. used.Distinct().OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static DistributedApplicationException Failure(List<string> errors) => new(
        $"The model cannot be published to Azure Container Apps ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was written.\n" +
        string.Join('\n', errors.Select(e => $"  - {e}")));
}
