namespace Deploy.Hosting.Publishing;

/// <summary>Writes deployment artifacts for one target from the model (never from the manifest).</summary>
/// <remarks>Publishers are discovered by reflection: any non-abstract type in the engine implementing this interface
/// with a parameterless constructor is available as <c>publish &lt;Name&gt;</c>.</remarks>
public interface IPublisher
{
    /// <summary>The name used on the command line: <c>manifest</c>, <c>kubernetes</c>, <c>compose</c>, <c>azure</c>.</summary>
    string Name { get; }

    /// <summary>Where output goes when <c>--output-path</c> is not given, relative to the current directory.</summary>
    string DefaultOutputPath { get; }

    /// <summary>Writes the artifacts into <see cref="PublishContext.OutputPath"/> (a fresh staging directory, or the
    /// manifest file's staging path); the command moves them into place only if this returns without throwing.</summary>
    Task PublishAsync(PublishContext context, CancellationToken cancellationToken);
}
