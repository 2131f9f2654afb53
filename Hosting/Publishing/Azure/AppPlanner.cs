using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Gpu;
using Deploy.Hosting.Publishing.Dockerfiles;
using Deploy.Hosting.Resources;
using Deploy.Hosting.Scaling;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Turns one compute resource's annotations into an <see cref="AppPlan"/>. Only primitives are read (image,
/// endpoints, environment, arguments, replicas, autoscaling, health, GPU, mounts), never the resource's type beyond
/// project/container.</summary>
internal sealed class AppPlanner(PublishContext context, BicepSymbols symbols, IReadOnlyDictionary<IResource, IReadOnlyList<AppPort>> ports,
    IReadOnlySet<IResource> jobs, BicepValueRenderer renderer, List<string> errors)
{
    /// <summary>The module parameter with the .NET environment name (azd's <c>DOTNET_ENVIRONMENT</c>).</summary>
    public const string DotnetEnvironmentSymbol = "dotnetEnvironment";

    private static readonly string[] EnvironmentNameVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    public async Task<AppPlan> PlanAsync(IResource resource)
    {
        var name = AzureNames.App(resource.Name);
        var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault();
        var generated = dockerfile is null ? resource as ProjectResource : null;
        var inputs = new ModuleInputs(symbols);
        var omitted = new List<string>();
        var env = await EnvironmentAsync(resource, inputs, omitted).ConfigureAwait(false);
        var args = new List<string>();
        var index = 0;
        foreach (var arg in await context.GetArgsAsync(resource).ConfigureAwait(false))
        {
            var rendered = renderer.Render(resource, $"argument {++index}", arg, inputs);
            if (rendered is null)
                omitted.Add($"argument {index}");
            else if (rendered.IsSecret)
                errors.Add($"Resource '{resource.Name}': argument {index} carries a secret; Container Apps show arguments in plain text. " +
                    "Fix: pass the secret through an environment variable (WithEnvironment) instead.");
            else
                args.Add(rendered.Expression);
        }

        var appPorts = ports.GetValueOrDefault(resource) ?? [];
        var gpu = resource.Annotations.OfType<GpuAnnotation>().LastOrDefault() is { } annotation ? GpuProfiles.For(annotation) : null;
        var (cpu, memory) = gpu is null ? Size(resource.Annotations.OfType<ComputeResourcesAnnotation>().LastOrDefault()) : (gpu.Cpu, gpu.Memory);
        var scaling = resource.Annotations.OfType<AutoscalingAnnotation>().LastOrDefault();
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        var (readiness, liveness) = AppProbes.Plan(resource, appPorts);
        string? image = null;
        if (generated is null && dockerfile is null && resource.TryGetContainerImageName(out var pulled))
            image = pulled;
        return new AppPlan(resource, name, symbols.App(resource))
        {
            IsJob = jobs.Contains(resource),
            FixedImage = image,
            Build = generated is null ? null : DockerfileGenerator.Create(generated, context.AppHostDirectory),
            Dockerfile = dockerfile,
            Ports = appPorts,
            Env = env,
            Args = args,
            Command = (resource as ContainerResource)?.Entrypoint is { } entrypoint ? [BicepText.Quote(entrypoint)] : null,
            Inputs = inputs,
            MinReplicas = scaling?.MinReplicas ?? replicas,
            MaxReplicas = scaling?.MaxReplicas ?? replicas,
            CpuPercent = scaling?.CpuPercent,
            Gpu = gpu,
            Cpu = cpu,
            Memory = memory,
            Readiness = readiness,
            Liveness = liveness,
            Volumes = AppVolumes.Plan(resource, name),
            DependsOn = DependsOn(resource),
            Omitted = omitted,
        };
    }

    private async Task<List<AppEnv>> EnvironmentAsync(IResource resource, ModuleInputs inputs, List<string> omitted)
    {
        var result = new List<AppEnv>();
        var secretNames = new HashSet<string>(StringComparer.Ordinal);
        var environment = await context.GetEnvironmentAsync(resource).ConfigureAwait(false);
        // Every app can reach Azure with its identity (azd sets the same variable); projects learn their environment name.
        if (!environment.ContainsKey("AZURE_CLIENT_ID"))
            result.Add(new AppEnv("AZURE_CLIENT_ID", "managedIdentityClientId", null));
        if (resource is ProjectResource)
        {
            foreach (var key in EnvironmentNameVariables.Where(k => !environment.ContainsKey(k)))
                result.Add(new AppEnv(key, DotnetEnvironmentSymbol, null));
        }

        foreach (var (key, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var rendered = renderer.Render(resource, $"environment variable '{key}'", value, inputs);
            if (rendered is null)
                omitted.Add(key);
            else
                result.Add(new AppEnv(key, rendered.Expression, rendered.IsSecret ? UniqueSecretName(key, secretNames) : null));
        }

        return [.. result.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>Container Apps secret names are lower-case labels, unique within the app.</summary>
    private static string UniqueSecretName(string wanted, HashSet<string> taken)
    {
        var baseName = AzureNames.Label(wanted);
        var name = baseName;
        for (var i = 2; !taken.Add(name); i++)
            name = string.Create(CultureInfo.InvariantCulture, $"{baseName}-{i}");
        return name;
    }

    /// <summary>Consumption apps take 0.25-vCPU steps with 2 GiB per vCPU: the smallest such size that covers the request.</summary>
    public static (double Cpu, string Memory) Size(ComputeResourcesAnnotation? compute)
    {
        if (compute is null)
            return (0.5, "1Gi");
        var quarters = Math.Max(1, Math.Max((int)Math.Ceiling(compute.Cpu * 4), (int)Math.Ceiling(compute.MemoryMiB / 512.0)));
        return (quarters / 4.0, (quarters / 2.0).ToString("0.#", CultureInfo.InvariantCulture) + "Gi");
    }

    private List<string> DependsOn(IResource resource)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            var target = wait.Resource is IResourceWithParent child ? child.Parent : wait.Resource;
            if ((ports.ContainsKey(target) || jobs.Contains(target)) && !ReferenceEquals(target, resource))
                result.Add(symbols.App(target));
        }

        return [.. result];
    }
}
