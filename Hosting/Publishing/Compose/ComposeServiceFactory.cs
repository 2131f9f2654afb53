using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>What a service is made of, read once from the model: how it gets its image, its evaluated environment and
/// arguments, and its healthcheck.</summary>
internal sealed record ComposeServicePlan(IResource Resource, ComposeBuild? Build, IReadOnlyDictionary<string, object> Environment,
    IReadOnlyList<object> Args, OrderedDictionary<string, object>? HealthCheck);

/// <summary>Writes one service from a resource's annotations; it never asks what kind of product the resource is.</summary>
internal sealed class ComposeServiceFactory(string targetName, ComposeOptions options, DistributedApplicationModel model, ComposeTopology topology,
    ComposeValueRenderer renderer, ComposeBuilds builds, ComposeOutputFiles files, ComposeProblems problems)
{
    private readonly SortedSet<string> _volumes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _imageVariables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    /// <summary>The named volumes the services mount (declared at the top level).</summary>
    public IReadOnlyCollection<string> Volumes => _volumes;

    /// <summary>Build secrets by id → the <c>.env</c> variable Compose reads each from (declared at the top level).</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    /// <summary>Image variables of built services → their default image names (optional entries of <c>.env</c>).</summary>
    public IReadOnlyDictionary<string, string> ImageVariables => _imageVariables;

    public OrderedDictionary<string, object> Create(ComposeServicePlan plan, Func<IResource, bool> hasHealthCheck, ISet<IResource> jobs)
    {
        var resource = plan.Resource;
        var service = ComposeYaml.Map();
        AddImage(service, resource, plan.Build);
        if (resource is ContainerResource { Entrypoint: { } entrypoint })
            service["entrypoint"] = new List<string> { ComposeNames.EscapeLiteral(entrypoint) };

        // An executable's arguments were written for its local program; the image's Dockerfile decides what runs.
        if (topology.Kind(resource) != ComposeServiceKind.Executable && plan.Args.Count > 0)
            service["command"] = plan.Args.Select((arg, i) => renderer.Render(arg, resource, $"Argument {i}")).ToList();

        var environment = ComposeYaml.Map();
        foreach (var (name, value) in plan.Environment.Where(e => !renderer.IsUnserved(e.Value)))
            environment[name] = renderer.Render(value, resource, $"Environment variable '{name}'");
        if (options.Dashboard is not null)
            ComposeDashboard.AddTelemetry(environment, resource, targetName);
        if (environment.Count > 0)
            service["environment"] = environment;

        if (topology.PublishedPorts(resource) is { Count: > 0 } ports)
            service["ports"] = ports.Select(p => new ComposeQuoted(p)).ToList();
        if (Mounts(resource) is { Count: > 0 } mounts)
            service["volumes"] = mounts;
        if (ComposeDependencies.Build(resource, topology, hasHealthCheck, problems) is { } dependsOn)
            service["depends_on"] = dependsOn;
        if (plan.HealthCheck is not null)
            service["healthcheck"] = plan.HealthCheck;

        // A job (something waited on for completion) runs once; everything else comes back after a crash or a reboot.
        service["restart"] = jobs.Contains(resource) ? new ComposeQuoted("no") : "unless-stopped";
        if (ComposeDeploy.Build(resource, problems) is { } deploy)
            service["deploy"] = deploy;
        if (options.DefaultNetworkName is { } network)
            service["networks"] = new List<string> { network };
        return service;
    }

    private void AddImage(OrderedDictionary<string, object> service, IResource resource, ComposeBuild? build)
    {
        if (build is null)
        {
            if (resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault() is { } image)
                service["image"] = ComposeNames.EscapeLiteral(ComposeNames.ImageReference(image));
            return;
        }

        // Naming the image makes 'docker compose build' tag it, and 'docker compose push' push it; the variable lets CI
        // point it at a registry without editing the file.
        var variable = ComposeNames.ImageVariable(resource);
        var fallback = $"{options.ProjectName}/{ComposeNames.Service(resource)}:latest";
        _imageVariables[variable] = fallback;
        service["image"] = $"${{{variable}:-{fallback}}}";
        var section = ComposeYaml.Map();
        section["context"] = build.Context;
        section["dockerfile"] = build.Dockerfile;
        if (build.Target is not null)
            section["target"] = build.Target;
        if (build.Arguments.Count > 0)
        {
            var arguments = ComposeYaml.Map();
            foreach (var (name, value) in build.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
                arguments[name] = renderer.Render(value, resource, $"Build argument '{name}'");
            section["args"] = arguments;
        }

        if (build.Secrets.Count > 0)
            section["secrets"] = build.Secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => AddSecret(resource, s.Key, s.Value)).ToList();
        service["build"] = section;
    }

    // Compose hands a build secret to BuildKit from a variable of its own environment, which .env fills: the value
    // is never in a file publish writes.
    private string AddSecret(IResource resource, string id, object value)
    {
        if (value is not ParameterResource parameter)
        {
            problems.Add(resource.Name, $"Build secret '{id}' is a {value.GetType().Name}; the Compose publisher passes only parameters as build secrets.",
                $"Pass a parameter: WithBuildSecret(\"{id}\", builder.AddParameter(\"{id}\", secret: true)).");
            return id;
        }

        renderer.Render(parameter, resource, $"Build secret '{id}'");
        _secrets[id] = ComposeNames.Variable(parameter);
        return id;
    }

    private List<string> Mounts(IResource resource)
    {
        var mounts = new List<string>();
        foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>())
        {
            var suffix = mount.IsReadOnly ? ":ro" : "";
            switch (mount)
            {
                case { Type: ContainerMountType.Volume, Source: null or "" }:
                    mounts.Add(mount.Target + suffix);
                    break;
                case { Type: ContainerMountType.Volume, Source: { } volume }:
                    _volumes.Add(volume);
                    mounts.Add($"{volume}:{mount.Target}{suffix}");
                    break;
                case { Source: { } source }:
                    mounts.Add($"{builds.RelativeToOutput(source)}:{mount.Target}{suffix}");
                    break;
            }
        }

        if (ComposeDatabases.Mount(resource, model, files) is { } initScripts)
            mounts.Add(initScripts);
        return mounts;
    }
}
