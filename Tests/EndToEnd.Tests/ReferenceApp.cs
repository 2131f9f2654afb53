using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Deploy.EndToEnd.Tests;

/// <summary>The reference AppHost started through <c>Aspire.Hosting.Testing</c>, with native servers forced and its state
/// in a test directory.</summary>
public static class ReferenceApp
{
    public const string ApiKey = "e2e-test-api-key";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public static async Task<DistributedApplication> StartAsync(string stateDirectory, CancellationToken cancellationToken)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--Deploy:Runtime=native",
                $"--Deploy:StateDirectory={stateDirectory}",
                $"--Parameters:api-key={ApiKey}",
            ], cancellationToken);
        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
            foreach (var resource in new[] { "postgres", "docs", "cache", "api", "web" })
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
            await app.ResourceNotifications.WaitForResourceAsync("migrations", KnownResourceStates.Finished, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The current event of a single-instance resource.</summary>
    public static Task<ResourceEvent> CurrentAsync(DistributedApplication app, string resource, CancellationToken cancellationToken) =>
        app.ResourceNotifications.WaitForResourceAsync(resource, _ => true, cancellationToken);

    /// <summary>Waits for the next Running and healthy event of <paramref name="resource"/> whose pid differs from <paramref name="oldPid"/>.</summary>
    public static Task<ResourceEvent> WaitForRestartAsync(DistributedApplication app, string resource, int oldPid, CancellationToken cancellationToken) =>
        app.ResourceNotifications.WaitForResourceAsync(resource, e =>
            e.Snapshot.State?.Text == KnownResourceStates.Running &&
            e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy &&
            HasOtherPid(e, oldPid), cancellationToken);

    private static bool HasOtherPid(ResourceEvent e, int oldPid)
    {
        try
        {
            return Processes.PidOf(e) != oldPid;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
