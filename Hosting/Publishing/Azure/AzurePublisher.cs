using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Writes <c>azure.yaml</c> and <c>infra/</c> in the layout azd provisions and deploys (<c>azd up</c>), with what
/// azd's own generator cannot express: GPU workload profiles, probes, scale rules, secrets as <c>@secure()</c> parameters,
/// a managed identity, and managed Postgres/Redis on opt-in. Then logs the next steps.</summary>
internal static class AzurePublisher
{
    public static async Task PublishAsync(AzureContainerAppEnvironmentResource target, PublishContext context)
    {
        var model = context.Model;
        var computed = model.Resources.Where(r => r is ProjectResource or ContainerResource or ExecutableResource && !r.IsExcludedFromPublish()).ToList();
        var services = computed.Where(r => r.Annotations.OfType<AzureManagedServiceAnnotation>().Any())
            .OrderBy(r => AzureNames.App(r.Name), StringComparer.Ordinal).ToList();
        var apps = computed.Except(services).OrderBy(r => AzureNames.App(r.Name), StringComparer.Ordinal).ToList();
        // What others await with WaitForCompletion runs once: a job, without ingress (its endpoints are not served).
        var jobs = apps.Where(a => OneShot.Is(a, model.Resources)).ToHashSet();
        var errors = ModelRules.Check([.. context.Model.Resources], [], target.Name);
        errors.AddRange(AzureProblems.Check(apps));
        var ports = AzurePorts.Plan(apps.Where(a => AzureProblems.HasImage(a) && !jobs.Contains(a)), errors);
        if (errors.Count > 0)
            throw Failure(target, errors);

        // Symbols are allocated in a fixed order so that names chosen around collisions are the same on every publish.
        var symbols = new BicepSymbols(jobs);
        services.ForEach(s => symbols.Service(s));
        apps.ForEach(a => symbols.App(a));
        foreach (var parameter in model.Resources.OfType<ParameterResource>().OrderBy(p => p.Name, StringComparer.Ordinal))
            symbols.Parameter(parameter);

        var renderer = new BicepValueRenderer(ports, services);
        var planner = new AppPlanner(context, symbols, ports, jobs, renderer, errors);
        var plans = new List<AppPlan>();
        foreach (var app in apps)
            plans.Add(await planner.PlanAsync(app).ConfigureAwait(false));
        errors.AddRange(renderer.Errors);
        if (errors.Count > 0)
            throw Failure(target, errors);

        var servicePlans = services.Select(s => new ServicePlan(s, s.Annotations.OfType<AzureManagedServiceAnnotation>().Last(), symbols.Service(s),
            AzureNames.App(s.Name))).ToList();
        var parameters = Parameters(plans, servicePlans);
        Write(context, AppName(context, target), plans, servicePlans, parameters, symbols);
        context.Logger.LogInformation("{NextSteps}", AzureNextSteps.Build(context.FinalOutputPath, plans, servicePlans, parameters));
    }

    private static void Write(PublishContext context, string appName, List<AppPlan> plans, List<ServicePlan> services, List<ParameterResource> parameters,
        BicepSymbols symbols)
    {
        var root = context.OutputPath;
        WriteFile(root, "azure.yaml", AzureYaml.Write(appName, plans, context.FinalOutputPath));
        WriteFile(root, "infra/main.bicep", MainBicep.Write(plans, services, parameters, symbols, PlainValue));
        WriteFile(root, "infra/main.parameters.json", ParametersFile.Write(plans, parameters, symbols));
        var gpuProfiles = plans.Select(p => p.Gpu).OfType<GpuProfile>().DistinctBy(g => g.Name).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var shares = plans.SelectMany(p => p.Volumes).Where(v => v.StorageName is not null).ToList();
        WriteFile(root, "infra/resources.bicep", ResourcesBicep.Write(gpuProfiles, shares));
        foreach (var service in services)
            WriteFile(root, $"infra/services/{service.Name}.bicep", ManagedServiceModule.Write(service.Resource, service.Service));
        foreach (var plan in plans)
        {
            WriteFile(root, "infra/" + ContainerAppModule.PathOf(plan), ContainerAppModule.Write(plan));
            if (plan.Build is { } build)
            {
                WriteFile(root, $"{AzureYaml.ImagesFolder}/{plan.Name}.Dockerfile", build.Dockerfile);
                WriteFile(root, $"{AzureYaml.ImagesFolder}/{plan.Name}.Dockerfile.dockerignore", build.DockerIgnore);
            }
        }
    }

    private static void WriteFile(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A plain parameter's published default, as in Aspire's manifest: only a value declared for publishing
    /// (<c>AddParameter(name, value, publishValueAsDefault: true)</c>); generated ones are azd's to make, and values from
    /// configuration stay local (azd prompts for them), so the output does not depend on the machine.</summary>
    private static string? PlainValue(ParameterResource parameter) =>
        parameter.Default is { } published and not GenerateParameterDefault ? published.GetDefaultValue() : null;

    /// <summary>The azd project name: the AppHost's application name, else the target's.</summary>
    private static string AppName(PublishContext context, AzureContainerAppEnvironmentResource target) =>
        AzureNames.Label(context.Configuration["AppHost:DashboardApplicationName"] ?? context.Configuration["applicationName"] ?? target.Name);

    /// <summary>Every model parameter a module needs, in a stable order.</summary>
    private static List<ParameterResource> Parameters(IEnumerable<AppPlan> plans, IEnumerable<ServicePlan> services)
    {
        var used = plans.SelectMany(p => p.Inputs.Parameters.Values)
            .Concat(services.Select(s => s.Service.AdministratorPassword()).OfType<ParameterResource>())
            .Concat(services.Select(s => s.Service.AdministratorLogin()).OfType<ParameterResource>());
        return [.. used.Distinct().OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static DistributedApplicationException Failure(AzureContainerAppEnvironmentResource target, List<string> errors) => new(
        $"The model cannot be published to Azure Container Apps ('{target.Name}', {errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was written.\n" +
        string.Join('\n', errors.Select(e => $"  - {e}")));
}
