using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Native;

/// <summary>Run mode without a container engine: picks the runtime, swaps server resources to native launchers before
/// DCP sees the model, starts them when Aspire initialises them, and stops them after everything that uses them.</summary>
internal static class NativeRuntime
{
    public static void Register(IDistributedApplicationBuilder builder)
    {
        var servers = new NativeServers();
        builder.Services.AddSingleton(servers);
        // Hosted services stop in reverse order: first in the list, this one stops last, after DCP has stopped the
        // projects, so no dependent logs connection errors while its database goes away.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => new NativeServersShutdown(servers)));

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            Prepare(builder, e, servers);
            return Task.CompletedTask;
        });
    }

    private static void Prepare(IDistributedApplicationBuilder builder, BeforeStartEvent e, NativeServers servers)
    {
        var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Deploy");
        var (runtime, reason) = RuntimeSelector.Choose(builder.Configuration);
        var candidates = e.Model.Resources.Where(NativeSwap.IsContainer).ToList();
        if (runtime == DeployRuntime.Container || candidates.Count == 0)
        {
            if (candidates.Count > 0)
                logger.LogInformation("Runtime: containers ({Reason}).", reason);
            return;
        }

        var state = new StateDirectory(builder.Environment.ApplicationName, builder.AppHostDirectory,
            builder.Configuration["Deploy:StateDirectory"] ?? Environment.GetEnvironmentVariable("DEPLOY_STATE_DIR"));
        var environment = new NativeServerEnvironment(e.Services, e.Model, builder.Eventing,
            e.Services.GetRequiredService<ResourceNotificationService>(), e.Services.GetRequiredService<ResourceLoggerService>(), state);
        servers.Attach(environment);
        var native = new List<string>();
        foreach (var resource in candidates)
        {
            var image = resource.Annotations.OfType<ContainerImageAnnotation>().Last();
            var imageName = $"{image.Image}:{image.Tag}";
            if (NativeLaunchers.For(resource) is { } launcher)
            {
                NativeSwap.Apply(resource);
                var policy = resource.Annotations.OfType<RestartPolicy>().LastOrDefault() ?? RestartPolicy.Default;
                var server = new NativeServer(resource, launcher, environment, policy);
                servers.Add(server);
                NativeCommands.Add(server);
                builder.Eventing.Subscribe<InitializeResourceEvent>(resource, (_, _) =>
                {
                    // In the background: Aspire initialises resources one by one, and a first initdb takes seconds.
                    _ = Task.Run(() => server.StartAsync(CancellationToken.None), CancellationToken.None);
                    return Task.CompletedTask;
                });
                native.Add(resource.Name);
            }
            else
            {
                NativeSwap.RemoveImage(resource);
                var message = EngineRequiredResources.Message(resource, imageName);
                builder.Eventing.Subscribe<InitializeResourceEvent>(resource, (_, _) =>
                    EngineRequiredResources.FailAsync(resource, message, environment.Notifications, environment.Loggers));
            }
        }

        logger.LogInformation("Runtime: native ({Reason}); {Resources} run as local processes, state in {State}.",
            reason, native.Count == 0 ? "no server" : string.Join(", ", native), state.Path);
    }
}
