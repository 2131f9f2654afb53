using System.Globalization;
using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Gpu;

/// <summary>Run mode for <c>WithGpu</c>: each instance gets its own <c>CUDA_VISIBLE_DEVICES</c> from the machine's
/// GPUs; with none, <c>DEPLOY_GPU=none</c> and one notice, and the app runs its CPU path.</summary>
internal static class LocalGpus
{
    public const string ModeVariable = "DEPLOY_GPU";

    public static void Register(IDistributedApplicationBuilder builder, Func<IReadOnlyList<GpuDevices.Device>>? discover = null)
    {
        var slots = Path.Combine(Path.GetTempPath(), $"deploy-gpu-{Guid.NewGuid():N}");
        // Disposed with the application's services, however it stops.
        builder.Services.AddSingleton(_ => new SlotDirectory(slots));
        // Registered after fast start, so a project's ExecutableAnnotation is already there to wrap.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var resources = e.Model.Resources.Where(r => r.Annotations.OfType<GpuAnnotation>().Any()).ToList();
            if (resources.Count == 0)
                return Task.CompletedTask;
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Deploy");
            var devices = (discover ?? GpuDevices.Discover)();
            if (devices.Count > 0)
                logger.LogInformation("GPUs: {Devices}.", string.Join(", ", devices.Select(d => $"{d.Index} ({d.Name})")));
            foreach (var resource in resources)
                Apply(resource, devices, slots, builder.AppHostAssembly, logger);
            e.Services.GetRequiredService<SlotDirectory>();
            return Task.CompletedTask;
        });
    }

    private static void Apply(IResource resource, IReadOnlyList<GpuDevices.Device> devices, string slots, Assembly? appHost, ILogger logger)
    {
        var gpu = resource.Annotations.OfType<GpuAnnotation>().Last();
        var replicas = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        if (devices.Count == 0)
        {
            logger.LogWarning("{Resource}: no GPU found; running on CPU ({Variable}=none).", resource.Name, ModeVariable);
            SetEnvironment(resource, ModeVariable, "none");
            return;
        }

        var assignment = GpuAssignment.Assign([.. devices.Select(d => d.Index)], gpu.Count, replicas);
        SetEnvironment(resource, ModeVariable, "cuda");
        if (assignment.Distinct().Count() == 1)
        {
            SetEnvironment(resource, "CUDA_VISIBLE_DEVICES", assignment[0]);
            logger.LogInformation("{Resource}: CUDA_VISIBLE_DEVICES={Devices}.", resource.Name, assignment[0]);
            return;
        }

        if (resource is not ProjectResource project)
        {
            // Only projects have replicas; anything else is one instance and took the branch above.
            return;
        }

        var script = GpuSlotScript.WriteTo(slots);
        var command = OriginalCommand(project, appHost);
        foreach (var replaced in project.Annotations.OfType<ExecutableAnnotation>().ToList())
            project.Annotations.Remove(replaced);
        project.Annotations.Add(new ExecutableAnnotation { Command = "/bin/sh", WorkingDirectory = command.WorkingDirectory });
        List<string> prefix = [script, Path.Combine(slots, resource.Name), .. assignment, "--", .. command.Args];
        // First among the argument callbacks: these words come before any argument the AppHost adds.
        project.Annotations.Insert(0, new CommandLineArgsCallbackAnnotation((CommandLineArgsCallbackContext context) =>
        {
            for (var i = prefix.Count - 1; i >= 0; i--)
                context.Args.Insert(0, prefix[i]);
            return Task.CompletedTask;
        }));
        logger.LogInformation("{Resource}: each of {Replicas} replicas gets its own CUDA_VISIBLE_DEVICES ({Assignment}).",
            resource.Name, replicas, string.Join(" | ", assignment));
    }

    /// <summary>What DCP would have run: the built executable fast start chose, else <c>dotnet run</c> of the project.</summary>
    private static (List<string> Args, string WorkingDirectory) OriginalCommand(ProjectResource project, Assembly? appHost)
    {
        if (project.Annotations.OfType<ExecutableAnnotation>().LastOrDefault() is { } executable)
            return ([executable.Command], executable.WorkingDirectory);
        var path = project.GetProjectMetadata().ProjectPath;
        var configuration = BuiltProjectLocator.ConfigurationOf(appHost);
        return (["dotnet", "run", "--project", path, "--no-build", "--configuration", configuration, "--no-launch-profile"], Path.GetDirectoryName(path)!);
    }

    private static void SetEnvironment(IResource resource, string name, string value) =>
        resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
        {
            context.EnvironmentVariables[name] = value;
            return Task.CompletedTask;
        }));

    /// <summary>The replicas' slot leases of this run, removed when the application's services are disposed.</summary>
    private sealed class SlotDirectory(string path) : IDisposable
    {
        public void Dispose()
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }
}
