using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Orchestration;

/// <summary>Turns a resource (with its resolved environment and arguments) into the process that runs it.</summary>
internal sealed class LaunchPlanner(StateDirectory state, string? containerEngine, string appName, ResourceLogStore logs)
{
    public async Task<ProcessLaunch> PlanAsync(IResource resource, string instanceName, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string> args, CancellationToken cancellationToken) => resource switch
    {
        ProjectResource project => PlanProject(project, environment, args),
        ExecutableResource executable => new ProcessLaunch(executable.Command, args, executable.WorkingDirectory, environment),
        ContainerResource container when containerEngine is not null => PlanContainer(container, instanceName, environment, args),
        ContainerResource container => await PlanNativeAsync(container, instanceName, environment, cancellationToken),
        _ => throw new InvalidOperationException($"Resource '{resource.Name}' of type {resource.GetType().Name} cannot be run as a process."),
    };

    private static ProcessLaunch PlanProject(ProjectResource project, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        var metadata = project.Metadata;
        var directory = Path.GetDirectoryName(metadata.ProjectPath) ?? ".";
        if (metadata.TargetPath is { } assembly && File.Exists(assembly))
            return new ProcessLaunch("dotnet", [assembly, .. args], directory, environment);

        // Added by path: let the SDK build it (slower; Aspire does the same for path-based projects).
        List<string> run = ["run", "--project", metadata.ProjectPath, "--no-launch-profile"];
        if (args.Count > 0)
            run.AddRange(["--", .. args]);
        return new ProcessLaunch("dotnet", run, directory, environment);
    }

    private ProcessLaunch PlanContainer(ContainerResource container, string instanceName, IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<string> args)
    {
        var image = container.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new InvalidOperationException($"Container resource '{container.Name}' has no image; call WithImage().");
        var run = new List<string> { "run", "--rm", "--name", $"{appName.ToLowerInvariant()}-{instanceName}-{Environment.ProcessId}" };
        foreach (var endpoint in container.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.AllocatedEndpoint is { } allocated)
                run.AddRange(["-p", $"127.0.0.1:{allocated.Port}:{endpoint.TargetPort ?? allocated.TargetPort}"]);
        }

        // "-e NAME" without a value makes the client copy it from its own environment: secrets stay off the command line.
        foreach (var name in environment.Keys)
            run.AddRange(["-e", name]);
        foreach (var mount in container.Annotations.OfType<ContainerMountAnnotation>())
        {
            var source = mount.Source ?? "";
            var suffix = mount.IsReadOnly ? ":ro" : "";
            run.AddRange(mount.Type == ContainerMountType.BindMount ? ["-v", $"{source}:{mount.Target}{suffix}"] :
                mount.Source is null ? ["-v", mount.Target] : ["-v", $"{source}:{mount.Target}{suffix}"]);
        }

        if (container.Annotations.OfType<GpuAnnotation>().Any())
            run.AddRange(["--gpus", "all"]);
        if (container.Entrypoint is { } entrypoint)
            run.AddRange(["--entrypoint", entrypoint]);
        run.Add(image.Reference);
        run.AddRange(args);
        return new ProcessLaunch(containerEngine!, run, state.Path, environment);
    }

    private async Task<ProcessLaunch> PlanNativeAsync(ContainerResource container, string instanceName,
        IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var recipe = container.Annotations.OfType<NativeRecipeAnnotation>().LastOrDefault()?.Recipe
            ?? throw new InvalidOperationException(
                $"Container resource '{container.Name}' needs a container engine, and none answered. Install Docker or Podman " +
                "(e.g. 'apt-get install podman'), or set DEPLOY_CONTAINER_RUNTIME to the engine's command.");
        var binaries = NativeRuntime.LocateBinaries(container.Name, recipe);
        var endpoint = container.Annotations.OfType<EndpointAnnotation>().First().AllocatedEndpoint!;
        var (dataDirectory, persistent) = NativeRuntime.DataDirectory(container, recipe, state);
        var recipeEnvironment = new Dictionary<string, string>(environment);
        if (persistent)
            recipeEnvironment[NativeEnvironment.PersistentDataVariable] = "1";
        var context = new NativeLaunchContext(container.Name, dataDirectory, endpoint.Port, recipeEnvironment, binaries,
            UserSwitch.UnprivilegedUser(), line => logs.Append(instanceName, line));
        var spec = await recipe.PrepareAsync(context, cancellationToken);
        // The recipe has consumed the container environment (passwords went into files), so none of it is passed on.
        return new ProcessLaunch(spec.FileName, spec.Args, spec.WorkingDirectory, new Dictionary<string, string>(), spec.RunAs, spec.StopSignal);
    }
}
