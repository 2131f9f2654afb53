using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Deploy.Hosting.Publishing;

/// <summary>Registers a publish target as an Aspire pipeline step, so <c>aspire publish -o DIR</c> and
/// <c>--operation publish --step publish --output-path DIR</c> write it into <c>DIR/&lt;target name&gt;</c>, and
/// <c>--step publish-&lt;target name&gt;</c> writes it alone.</summary>
internal static class PublishTargetExtensions
{
    /// <summary>The name of the step that publishes <paramref name="target"/>.</summary>
    public static string StepName(PublishTargetResource target) => $"publish-{target.Name}";

    public static IResourceBuilder<T> AddPublishTarget<T>(this IDistributedApplicationBuilder builder, T target) where T : PublishTargetResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        // In run mode a target is only a declaration: keep it out of the model (and the dashboard).
        if (!builder.ExecutionContext.IsPublishMode)
            return builder.CreateResourceBuilder(target);
        AnswerNoPrompts(builder.Configuration);

        return builder.AddResource(target)
            .ExcludeFromManifest()
            .WithAnnotation(new PipelineStepAnnotation(_ => new PipelineStep
            {
                Name = StepName(target),
                Description = $"Writes the {target.TargetDisplayName} artifacts of '{target.Name}'.",
                Action = step => PublishAsync(target, step),
                DependsOnSteps = [WellKnownPipelineSteps.PublishPrereq],
                RequiredBySteps = [WellKnownPipelineSteps.Publish],
                Resource = target,
            }));
    }

    // Without the Aspire CLI (dotnet run -- --operation publish, CI) nobody can answer Aspire's prompt for a parameter
    // that has no value, and the publish would wait forever. Deploy's targets never need values (they write references
    // to secrets), so prompting is turned off unless the CLI is attached or the user chose otherwise.
    private static void AnswerNoPrompts(ConfigurationManager configuration)
    {
        const string Interactivity = "ASPIRE_INTERACTIVITY_ENABLED";
        if (string.IsNullOrEmpty(configuration[Interactivity]) && string.IsNullOrEmpty(configuration["ASPIRE_BACKCHANNEL_PATH"]))
            configuration[Interactivity] = "false";
    }

    private static async Task PublishAsync(PublishTargetResource target, PipelineStepContext step)
    {
        var final = Path.GetFullPath(step.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory(target));
        var parent = Path.GetDirectoryName(final) ?? ".";
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(final)}.staging-{Environment.ProcessId}");
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var context = new PublishContext(
                step.Model,
                step.ExecutionContext,
                staging,
                final,
                AppHostDirectory(step.Services),
                step.Services.GetRequiredService<IConfiguration>(),
                step.Logger)
            {
                CancellationToken = step.CancellationToken,
            };
            await target.PublishAsync(context).ConfigureAwait(false);
            MoveInto(staging, final);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    // Aspire records the AppHost project's directory as AppHost:Directory; the content root differs from it when the
    // AppHost sets ProjectDirectory (as the tests do).
    private static string AppHostDirectory(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["AppHost:Directory"]
        ?? services.GetRequiredService<IHostEnvironment>().ContentRootPath;

    // File by file, so what a user keeps beside the output (filled-in secret env files) survives a re-publish.
    private static void MoveInto(string staging, string final)
    {
        foreach (var file in Directory.GetFiles(staging, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(final, Path.GetRelativePath(staging, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
        }
    }
}
