using System.Runtime.InteropServices;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Cli;
using Deploy.Hosting.Dashboard;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Publishing;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>The built application: runs it locally, or publishes it.</summary>
public sealed class DistributedApplication
{
    private readonly AppHostArguments _arguments;
    private readonly IConfiguration _configuration;
    private readonly string _environmentName;

    internal DistributedApplication(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        AppHostArguments arguments, IConfiguration configuration, string environmentName)
    {
        Model = model;
        ExecutionContext = executionContext;
        _arguments = arguments;
        _configuration = configuration;
        _environmentName = environmentName;
    }

    /// <summary>The model.</summary>
    public DistributedApplicationModel Model { get; }

    /// <summary>Run or publish.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Creates a builder from the AppHost's command line.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => new DistributedApplicationBuilder(args);

    /// <summary>Creates a builder with no command line.</summary>
    public static IDistributedApplicationBuilder CreateBuilder() => CreateBuilder([]);

    /// <summary>Runs or publishes; on a model error prints every problem and sets a non-zero exit code.</summary>
    public void Run()
    {
        try
        {
            RunAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ModelValidationException or DistributedApplicationException)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM (run mode), or writes the artifacts (publish mode).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        Validate();
        if (ExecutionContext.IsPublishMode)
        {
            await PublishCommand.RunAsync(Model, ExecutionContext, _arguments, _configuration, cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        await RunLocallyAsync(stop.Token);
    }

    private async Task RunLocallyAsync(CancellationToken stop)
    {
        // Console streams are created lazily under a lock that child-process start-up also takes on Unix; creating them
        // here, before the first child starts, keeps the status writer from ever waiting on it.
        Console.Out.Flush();
        Console.Error.Flush();
        await using var orchestrator = new Orchestrator(Model, ExecutionContext, _configuration["Deploy:StateDirectory"]);
        // The dashboard first: resources are pointed at its OTLP receiver, and its link is the first line the user sees.
        await using var dashboard = await DashboardHost.StartAsync(_configuration, orchestrator, stop);
        if (dashboard is not null)
            Console.Out.WriteLine($"Dashboard: {dashboard.Urls.LoginUrl}");
        using var console = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var interactive = ConsoleReporter.IsInteractive(_configuration["Deploy:Console"]);
        var reporter = ConsoleReporter.RunAsync(orchestrator.States, interactive, console.Token);
        var development = string.Equals(_environmentName, "Development", StringComparison.OrdinalIgnoreCase);
        await orchestrator.StartAsync(dashboard?.Telemetry(development), stop);
        _ = ReportReadyAsync(orchestrator, stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        ConsoleNotices.Write("Stopping: dependents first…");
        await orchestrator.StopAsync();
        // Last, so the final console lines and telemetry of stopping resources still reach it.
        if (dashboard is not null)
            await dashboard.DisposeAsync();
        await console.CancelAsync();
        await reporter;
        Console.Out.WriteLine("Stopped.");
    }

    private static async Task ReportReadyAsync(Orchestrator orchestrator, CancellationToken stop)
    {
        try
        {
            await orchestrator.WaitForAllReadyAsync(stop);
            var failures = orchestrator.Failures.ToList();
            ConsoleNotices.Write(failures.Count == 0
                ? $"All resources are ready ({Orchestrator.SinceProcessStart().TotalSeconds:0.000} s after the AppHost started). Press Ctrl+C to stop."
                : $"Some resources could not start ({string.Join("; ", failures)}); what depends on them is waiting. Fix the cause and restart, or press Ctrl+C to stop.");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Validate()
    {
        var errors = new List<ModelError>(_arguments.Errors.Select(e => new ModelError("(command line)", e, "Run with 'publish <target> --output-path DIR' or no arguments.")));
        errors.AddRange(ModelValidator.Validate(Model, ExecutionContext));
        if (errors.Count > 0)
            throw new ModelValidationException(errors);
    }
}

/// <summary>A failure of the engine itself (not of the model): unwritable output, unknown publisher…</summary>
public sealed class DistributedApplicationException(string message) : Exception(message);
