using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Writes one service from a resource's annotations; it never asks what kind of product the resource is.</summary>
internal sealed class ComposeServiceFactory(PublishContext context, string projectName, ComposeTopology topology, ComposeValueRenderer renderer,
    ComposeBuilds builds, ComposeOutputFiles files, ComposeProblems problems)
{
    private readonly SortedSet<string> _volumes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _imageVariables = new(StringComparer.Ordinal);

    /// <summary>The named volumes the services mount (declared at the top level).</summary>
    public IReadOnlyCollection<string> Volumes => _volumes;

    /// <summary>Image variables of built services → their default image names (optional entries of <c>.env</c>).</summary>
    public IReadOnlyDictionary<string, string> ImageVariables => _imageVariables;

    public async Task<OrderedDictionary<string, object>> CreateAsync(IResource resource, ComposeBuild? build,
        OrderedDictionary<string, object>? healthcheck, Func<IResource, bool> hasHealthCheck, CancellationToken cancellationToken)
    {
        var service = ComposeYaml.Map();
        AddImage(service, resource, build);
        if (resource is ContainerResource { Entrypoint: { } entrypoint })
            service["entrypoint"] = new List<string> { ComposeNames.EscapeLiteral(entrypoint) };

        // An executable's arguments were written for its local program; the image's Dockerfile decides what runs.
        if (topology.Kind(resource) != ComposeServiceKind.Executable)
        {
            var args = await context.GetArgsAsync(resource, cancellationToken);
            if (args.Count > 0)
                service["command"] = args.Select((arg, i) => renderer.Render(arg, resource, $"Argument {i}")).ToList();
        }

        var environment = ComposeYaml.Map();
        foreach (var (name, value) in await context.GetEnvironmentAsync(resource, cancellationToken))
            environment[name] = renderer.Render(value, resource, $"Environment variable '{name}'");
        if (environment.Count > 0)
            service["environment"] = environment;

        if (topology.PublishedPorts(resource) is { Count: > 0 } ports)
            service["ports"] = ports.Select(p => new ComposeQuoted(p)).ToList();
        if (Mounts(resource) is { Count: > 0 } mounts)
            service["volumes"] = mounts;
        if (ComposeDependencies.Build(resource, topology, hasHealthCheck, problems) is { } dependsOn)
            service["depends_on"] = dependsOn;
        if (healthcheck is not null)
            service["healthcheck"] = healthcheck;

        // A job runs once (WaitForCompletion gates on its exit); everything else comes back after a crash or a reboot.
        service["restart"] = resource.Annotations.OfType<JobAnnotation>().Any() ? "no" : "unless-stopped";
        if (ComposeDeploy.Build(resource, problems) is { } deploy)
            service["deploy"] = deploy;
        return service;
    }

    private void AddImage(OrderedDictionary<string, object> service, IResource resource, ComposeBuild? build)
    {
        if (build is null)
        {
            if (resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault() is { } image)
                service["image"] = ComposeNames.EscapeLiteral(image.Reference);
            return;
        }

        // Naming the image makes 'docker compose build' tag it, and 'docker compose push' push it; the variable lets CI
        // point it at a registry without editing the file.
        var variable = ComposeNames.ImageVariable(resource);
        var fallback = $"{projectName}/{ComposeNames.Service(resource)}:latest";
        _imageVariables[variable] = fallback;
        service["image"] = $"${{{variable}:-{fallback}}}";
        var section = ComposeYaml.Map();
        section["context"] = build.Context;
        section["dockerfile"] = build.Dockerfile;
        if (build.Target is not null)
            section["target"] = build.Target;
        service["build"] = section;
    }

    private List<string> Mounts(IResource resource)
    {
        var mounts = new List<string>();
        foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>())
        {
            var suffix = mount.IsReadOnly ? ":ro" : "";
            switch (mount)
            {
                case { Type: ContainerMountType.Volume, Source: null }:
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

        foreach (var annotation in resource.Annotations.OfType<ContainerFilesAnnotation>())
        {
            var generated = annotation.Files();
            if (generated.Count == 0)
                continue;

            // The files ship beside compose.yaml, under the service's name and the container path they belong in.
            var directory = $"{ComposeNames.Service(resource)}/{annotation.DestinationPath.Trim('/')}";
            foreach (var (name, contents) in generated.OrderBy(f => f.Key, StringComparer.Ordinal))
                files.Add($"{directory}/{name}", contents);
            mounts.Add($"./{directory}:{annotation.DestinationPath}:ro");
        }

        return mounts;
    }
}
