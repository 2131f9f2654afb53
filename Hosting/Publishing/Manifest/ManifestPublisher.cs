namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>The <c>manifest</c> publisher: <c>aspire-manifest.json</c> in the Aspire 9.2–9.5 shape, which the real
/// <c>azd</c> and <c>aspirate</c> consume. Reached by <c>publish manifest --output-path DIR</c> and by the form those tools
/// call, <c>--publisher manifest --output-path FILE</c>.</summary>
/// <remarks>Writes nothing to stderr unless it fails: aspirate treats any stderr output as failure.</remarks>
public sealed class ManifestPublisher : ISingleFilePublisher
{
    /// <inheritdoc />
    public string Name => "manifest";

    /// <inheritdoc />
    public string DefaultOutputPath => ".";

    /// <inheritdoc />
    public string DefaultFileName => "aspire-manifest.json";

    /// <inheritdoc />
    public async Task PublishAsync(PublishContext context, CancellationToken cancellationToken)
    {
        var bytes = await ManifestWriter.RenderAsync(context, cancellationToken);
        await File.WriteAllBytesAsync(context.OutputPath, bytes, cancellationToken);
        await context.Output.WriteLineAsync($"Published manifest to: {context.FinalOutputPath}");
    }
}
