using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Writes the resources deployment tools run: <c>project.v0</c>, <c>container.v0</c>, and <c>container.v1</c> for
/// anything built from a Dockerfile. Field order follows Aspire's writer, so the bytes match what Aspire 9.5 emits.</summary>
internal sealed class ComputeResourceWriter(PublishContext context, ManifestValues values, ManifestBindings bindings, string manifestDirectory)
{
    public async Task WriteProjectAsync(Utf8JsonWriter json, ProjectResource project, CancellationToken cancellationToken)
    {
        json.WriteString("type", "project.v0");
        json.WriteString("path", ManifestPaths.Relative(manifestDirectory, project.Metadata.ProjectPath));
        await WriteArgsAsync(json, project, cancellationToken);
        await WriteEnvironmentAsync(json, project, cancellationToken);
        bindings.Write(json, project, asContainer: false);
    }

    /// <summary>Writes a container, or a project or executable published from its Dockerfile.</summary>
    public async Task WriteContainerAsync(Utf8JsonWriter json, IResource resource, CancellationToken cancellationToken)
    {
        var build = resource.Annotations.OfType<DockerfileBuildAnnotation>().LastOrDefault();
        json.WriteString("type", build is null ? "container.v0" : "container.v1");
        if (resource is IResourceWithConnectionString withConnectionString)
            json.WriteString("connectionString", values.ConnectionString(withConnectionString));
        if (build is not null)
            WriteBuild(json, build);
        else
            json.WriteString("image", resource.Annotations.OfType<ContainerImageAnnotation>().Last().Reference);
        if (resource is ContainerResource { Entrypoint: { } entrypoint })
            json.WriteString("entrypoint", entrypoint);

        // A project's or executable's arguments belong to its local command line; in the image, its ENTRYPOINT/CMD replace them.
        if (resource is ContainerResource)
            await WriteArgsAsync(json, resource, cancellationToken);
        WriteMounts(json, resource);
        await WriteEnvironmentAsync(json, resource, cancellationToken);
        bindings.Write(json, resource, asContainer: true);
    }

    private void WriteBuild(Utf8JsonWriter json, DockerfileBuildAnnotation build)
    {
        json.WriteStartObject("build");
        json.WriteString("context", ManifestPaths.Relative(manifestDirectory, build.ContextPath));
        json.WriteString("dockerfile", ManifestPaths.Relative(manifestDirectory, build.DockerfilePath));
        if (build.Stage is { } stage)
            json.WriteString("stage", stage);
        json.WriteEndObject();
    }

    private void WriteMounts(Utf8JsonWriter json, IResource resource)
    {
        var mounts = resource.Annotations.OfType<ContainerMountAnnotation>().ToList();
        var bindMounts = mounts.Where(m => m.Type == ContainerMountType.BindMount).ToList();
        if (bindMounts.Count > 0)
        {
            json.WriteStartArray("bindMounts");
            foreach (var mount in bindMounts)
                WriteMount(json, "source", ManifestPaths.Relative(manifestDirectory, mount.Source ?? manifestDirectory), mount);
            json.WriteEndArray();
        }

        var volumes = mounts.Where(m => m.Type == ContainerMountType.Volume).ToList();
        if (volumes.Count > 0)
        {
            json.WriteStartArray("volumes");
            foreach (var mount in volumes)
                WriteMount(json, "name", mount.Source, mount);
            json.WriteEndArray();
        }
    }

    private static void WriteMount(Utf8JsonWriter json, string sourceKey, string? source, ContainerMountAnnotation mount)
    {
        json.WriteStartObject();
        if (source is not null)
            json.WriteString(sourceKey, source);
        json.WriteString("target", mount.Target.Replace('\\', '/'));
        json.WriteBoolean("readOnly", mount.IsReadOnly);
        json.WriteEndObject();
    }

    private async Task WriteArgsAsync(Utf8JsonWriter json, IResource resource, CancellationToken cancellationToken)
    {
        var args = await context.GetArgsAsync(resource, cancellationToken);
        if (args.Count == 0)
            return;
        json.WriteStartArray("args");
        foreach (var arg in args)
            json.WriteStringValue(values.Render(arg, resource));
        json.WriteEndArray();
    }

    private async Task WriteEnvironmentAsync(Utf8JsonWriter json, IResource resource, CancellationToken cancellationToken)
    {
        var environment = await context.GetEnvironmentAsync(resource, cancellationToken);
        if (environment.Count == 0)
            return;
        json.WriteStartObject("env");
        foreach (var (name, value) in environment)
            json.WriteString(name, values.Render(value, resource));
        json.WriteEndObject();
    }
}
