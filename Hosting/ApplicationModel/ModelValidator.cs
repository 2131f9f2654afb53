namespace Aspire.Hosting.ApplicationModel;

/// <summary>Checks the whole model before anything starts or is written, and reports every problem at once.</summary>
internal static class ModelValidator
{
    public static IReadOnlyList<ModelError> Validate(DistributedApplicationModel model, DistributedApplicationExecutionContext context)
    {
        var errors = new List<ModelError>();
        var all = model.AllResources.ToList();
        CheckNames(all, errors);
        CheckDuplicates(all, errors);
        var inModel = new HashSet<IResource>(all);
        foreach (var resource in model.Resources)
        {
            CheckWaits(resource, inModel, errors);
            CheckReferences(resource, inModel, errors);
            CheckEndpoints(resource, errors);
            CheckCounts(resource, errors);
        }

        CheckCycles(model.Resources, errors);
        CheckFixedPorts(model.Resources, errors);
        if (context.IsRunMode)
            CheckParameterValues(all, errors);
        return errors;
    }

    private static void CheckNames(List<IResource> resources, List<ModelError> errors)
    {
        foreach (var resource in resources)
        {
            if (ResourceNameRules.Check(resource.Name) is { } rule)
                errors.Add(new(resource.Name, $"Invalid name. {rule}", $"Rename it, e.g. to '{ResourceNameRules.Suggest(resource.Name)}'."));
        }
    }

    private static void CheckDuplicates(List<IResource> resources, List<ModelError> errors)
    {
        foreach (var group in resources.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new(group.Key, $"{group.Count()} resources share this name; resource names are case-insensitive.",
                "Give each resource a distinct name."));
        }
    }

    private static void CheckWaits(IResource resource, HashSet<IResource> inModel, List<ModelError> errors)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            var target = wait.Resource;
            if (ReferenceEquals(target, resource))
                errors.Add(new(resource.Name, "It waits for itself.", "Remove the WaitFor call that names the resource itself."));
            else if (!inModel.Contains(target))
                errors.Add(new(resource.Name, $"It waits for '{target.Name}', which is not in the model.", $"Add '{target.Name}' with builder.Add*() before referring to it."));
            else if (wait.WaitType == WaitType.WaitForCompletion && !IsProcess(target))
                errors.Add(new(resource.Name, $"WaitForCompletion on '{target.Name}', which is not a process and never completes.",
                    $"Use WaitFor('{target.Name}') instead."));
        }
    }

    private static void CheckReferences(IResource resource, HashSet<IResource> inModel, List<ModelError> errors)
    {
        foreach (var reference in resource.Annotations.OfType<ResourceReferenceAnnotation>())
        {
            var target = reference.Resource;
            if (!inModel.Contains(target))
            {
                errors.Add(new(resource.Name, $"It references '{target.Name}', which is not in the model.", $"Add '{target.Name}' to the model."));
                continue;
            }

            var endpoints = target.Annotations.OfType<EndpointAnnotation>().ToList();
            if (target is IResourceWithServiceDiscovery && target is not IResourceWithConnectionString && endpoints.Count == 0)
            {
                errors.Add(new(resource.Name, $"It references '{target.Name}' for service discovery, but '{target.Name}' has no endpoints.",
                    $"Declare one on '{target.Name}' with WithHttpEndpoint(), or give the project a launch profile with an applicationUrl."));
            }

            if (reference.EndpointName is { } name && !endpoints.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new(resource.Name, $"It references endpoint '{name}' of '{target.Name}', which has no such endpoint.",
                    $"Declare it with WithEndpoint(name: \"{name}\") on '{target.Name}', or reference one of: {string.Join(", ", endpoints.Select(e => e.Name))}."));
            }
        }
    }

    private static void CheckEndpoints(IResource resource, List<ModelError> errors)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        foreach (var endpoint in endpoints)
        {
            if (ResourceNameRules.Check(endpoint.Name) is { } rule)
                errors.Add(new(resource.Name, $"Endpoint name '{endpoint.Name}' is invalid. {rule}", "Rename the endpoint."));
        }

        foreach (var group in endpoints.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new(resource.Name, $"Endpoint '{group.Key}' is declared {group.Count()} times.", "Give each endpoint a distinct name (name: \"...\")."));

        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        if (replicas > 1 && endpoints.Any(e => e.TargetPort is not null && resource is ProjectResource))
            errors.Add(new(resource.Name, "It has replicas and a fixed target port; each replica needs its own port.", "Remove targetPort from its endpoints (set port instead)."));
        if (replicas > 1 && endpoints.Any(e => !e.IsProxied))
            errors.Add(new(resource.Name, "It has replicas and a proxy-less endpoint; replicas share one endpoint through the proxy.", "Remove isProxied: false or WithReplicas."));
    }

    private static void CheckCounts(IResource resource, List<ModelError> errors)
    {
        if (resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault() is { Replicas: < 1 } replicas)
            errors.Add(new(resource.Name, $"WithReplicas({replicas.Replicas}) asks for fewer than one replica.", "Use WithReplicas(1) or more."));
        if (resource.Annotations.OfType<GpuAnnotation>().LastOrDefault() is { Count: < 1 } gpu)
            errors.Add(new(resource.Name, $"WithGpu({gpu.Count}) asks for fewer than one GPU.", "Use WithGpu(1) or more, or remove it."));
    }

    private static void CheckCycles(IReadOnlyList<IResource> resources, List<ModelError> errors)
    {
        foreach (var cycle in WaitGraph.FindCycles(resources))
        {
            var path = string.Join(" -> ", cycle.Select(r => r.Name));
            errors.Add(new(cycle[0].Name, $"WaitFor cycle: {path}.", "Remove one of these WaitFor calls; resources cannot wait for each other."));
        }
    }

    private static void CheckFixedPorts(IReadOnlyList<IResource> resources, List<ModelError> errors)
    {
        var fixedPorts = resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()
            .Where(e => e.Port is not null).Select(e => (Resource: r, Endpoint: e, Port: e.Port!.Value)));
        foreach (var group in fixedPorts.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            var users = string.Join(", ", group.Select(p => $"{p.Resource.Name}/{p.Endpoint.Name}"));
            errors.Add(new(group.First().Resource.Name, $"Port {group.Key} is used by more than one endpoint ({users}).",
                "Give each endpoint its own port, or leave port unset so one is allocated."));
        }
    }

    private static void CheckParameterValues(List<IResource> resources, List<ModelError> errors)
    {
        foreach (var parameter in resources.OfType<ParameterResource>())
        {
            if (parameter.Default is null && parameter.ResolvedValue is null && string.IsNullOrEmpty(parameter.ConfiguredValue))
            {
                var variable = parameter.ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);
                errors.Add(new(parameter.Name, $"{(parameter.Secret ? "Secret parameter" : "Parameter")} has no value (configuration key '{parameter.ConfigurationKey}' is missing).",
                    $"Set it with 'dotnet user-secrets set \"{parameter.ConfigurationKey}\" <value>' in the AppHost folder, in appsettings.json, or as the environment variable '{variable}'."));
            }
        }
    }

    private static bool IsProcess(IResource resource) => resource is ProjectResource or ExecutableResource or ContainerResource;
}
