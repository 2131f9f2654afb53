using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Writes the whole manifest in the Aspire 9.2–9.5 shape: <c>$schema</c>, then <c>resources</c> in model order,
/// then generated parameters, then anything else a placeholder refers to.</summary>
/// <remarks>Output is deterministic: Utf8JsonWriter with Aspire's settings (2-space indentation, default escaping) plus
/// <c>\n</c> newlines whatever the platform, and a final newline so the committed file is a well-formed text file.</remarks>
internal sealed class ManifestWriter
{
    public const string SchemaUrl = "https://json.schemastore.org/aspire-8.0.json";

    private readonly PublishContext _context;
    private readonly ManifestValues _values = new();
    private readonly ComputeResourceWriter _compute;
    private readonly HashSet<IResource> _written = [];

    private ManifestWriter(PublishContext context, string manifestDirectory)
    {
        _context = context;
        var bindings = new ManifestBindings(context.Model.AllResources);
        _compute = new ComputeResourceWriter(context, _values, bindings, manifestDirectory);
    }

    /// <summary>Renders the manifest for <paramref name="context"/>'s model; paths are made relative to the directory of
    /// <see cref="PublishContext.FinalOutputPath"/>.</summary>
    public static async Task<byte[]> RenderAsync(PublishContext context, CancellationToken cancellationToken)
    {
        ManifestSupport.ThrowIfUnsupported(context.Model);
        var manifestDirectory = Path.GetDirectoryName(Path.GetFullPath(context.FinalOutputPath)) ?? "/";
        var writer = new ManifestWriter(context, manifestDirectory);
        using var stream = new MemoryStream();
        await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUrl);
            json.WriteStartObject("resources");
            await writer.WriteResourcesAsync(json, cancellationToken);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private async Task WriteResourcesAsync(Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        foreach (var resource in _context.Model.AllResources)
            await WriteResourceAsync(json, resource, cancellationToken);

        // A parameter created outside the model (passed straight to AddPostgres, say) is still referenced by a
        // placeholder; write it too, in first-reference order, so every placeholder has a target in the file.
        for (var i = 0; i < _values.Referenced.Count; i++)
        {
            if (!_written.Contains(_values.Referenced[i]))
                await WriteResourceAsync(json, _values.Referenced[i], cancellationToken);
        }
    }

    private async Task WriteResourceAsync(Utf8JsonWriter json, IResource resource, CancellationToken cancellationToken)
    {
        if (!_written.Add(resource))
            return;
        json.WriteStartObject(resource.Name);
        var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();
        switch (resource)
        {
            case ContainerResource:
            case ProjectResource or ExecutableResource when dockerfile:
                await _compute.WriteContainerAsync(json, resource, cancellationToken);
                break;
            case ProjectResource project:
                await _compute.WriteProjectAsync(json, project, cancellationToken);
                break;
            case ParameterResource parameter:
                ParameterResourceWriter.WriteParameter(json, parameter, _values);
                break;
            case IResourceWithConnectionString withConnectionString:
                ParameterResourceWriter.WriteValue(json, withConnectionString, _values);
                break;
            default:
                // ManifestSupport rejects these before anything is written; reaching here is a bug in that check.
                throw new InvalidOperationException($"Resource '{resource.Name}' of type '{resource.GetType().Name}' has no manifest form.");
        }

        json.WriteEndObject();
    }
}
