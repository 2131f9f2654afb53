using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Native;

/// <summary>Start, stop and restart in the dashboard for natively run servers (DCP's own commands exist only for the
/// resources DCP runs). Same names as Aspire's, so the dashboard shows its usual buttons.</summary>
internal static class NativeCommands
{
    public static void Add(NativeServer server)
    {
        var resource = server.Resource;
        foreach (var existing in resource.Annotations.OfType<ResourceCommandAnnotation>().Where(IsLifecycle).ToList())
            resource.Annotations.Remove(existing);

        resource.Annotations.Add(Command(KnownResourceCommands.StartCommand, "Start", "Play", async context =>
        {
            await server.StartAsync(context.CancellationToken).ConfigureAwait(false);
        }, state => IsStopped(state) ? ResourceCommandState.Enabled : IsRunning(state) ? ResourceCommandState.Hidden : ResourceCommandState.Disabled));

        resource.Annotations.Add(Command(KnownResourceCommands.StopCommand, "Stop", "Stop", async _ =>
        {
            await server.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }, state => IsRunning(state) ? ResourceCommandState.Enabled : IsStopped(state) ? ResourceCommandState.Hidden : ResourceCommandState.Disabled));

        resource.Annotations.Add(Command(KnownResourceCommands.RestartCommand, "Restart", "ArrowCounterclockwise", async context =>
        {
            await server.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await server.StartAsync(context.CancellationToken).ConfigureAwait(false);
        }, state => IsRunning(state) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled));
    }

    private static bool IsLifecycle(ResourceCommandAnnotation command) =>
        command.Name == KnownResourceCommands.StartCommand || command.Name == KnownResourceCommands.StopCommand ||
        command.Name == KnownResourceCommands.RestartCommand;

    private static bool IsRunning(string? state) => state == KnownResourceStates.Running;

    private static bool IsStopped(string? state) =>
        state == KnownResourceStates.Finished || state == KnownResourceStates.Exited || state == KnownResourceStates.FailedToStart;

    private static ResourceCommandAnnotation Command(string name, string displayName, string icon, Func<ExecuteCommandContext, Task> execute,
        Func<string?, ResourceCommandState> state) =>
        new(
            name,
            displayName,
            context => state(context.ResourceSnapshot.State?.Text),
            async context =>
            {
                await execute(context).ConfigureAwait(false);
                return CommandResults.Success();
            },
            displayDescription: null,
            parameter: null,
            confirmationMessage: null,
            iconName: icon,
            iconVariant: IconVariant.Filled,
            isHighlighted: name != KnownResourceCommands.RestartCommand);
}
