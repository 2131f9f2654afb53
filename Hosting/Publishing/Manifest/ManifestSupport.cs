using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Finds resources the manifest cannot describe in a form azd and aspirate accept, before anything is written.
/// Every problem is reported at once.</summary>
internal static class ManifestSupport
{
    public static IReadOnlyList<ModelError> Check(DistributedApplicationModel model)
    {
        var errors = new List<ModelError>();
        foreach (var resource in model.AllResources)
        {
            var dockerfile = resource.Annotations.OfType<DockerfileBuildAnnotation>().Any();
            switch (resource)
            {
                case ExecutableResource executable when !dockerfile:
                    errors.Add(new(resource.Name,
                        $"It is an executable ('{executable.Command}'), and azd and aspirate reject executable.v0: they cannot run a local program.",
                        $"Call .PublishAsDockerFile() on it and put a Dockerfile in its working directory ({executable.WorkingDirectory}), " +
                        "or declare it with AddDockerfile or AddContainer instead."));
                    break;
                case ContainerResource when !dockerfile && !resource.Annotations.OfType<ContainerImageAnnotation>().Any():
                    errors.Add(new(resource.Name, "It is a container with neither an image nor a Dockerfile.",
                        "Call .WithImage(\"name:tag\") or .WithDockerfile(\"context\") on it."));
                    break;
                case ContainerResource or ProjectResource or ExecutableResource or ParameterResource or IResourceWithConnectionString:
                    break;
                default:
                    errors.Add(new(resource.Name, $"Its type '{resource.GetType().Name}' has no manifest form.",
                        "Remove it from the model when publishing, or model it as a container, project or parameter."));
                    break;
            }
        }

        return errors;
    }

    public static void ThrowIfUnsupported(DistributedApplicationModel model)
    {
        var errors = Check(model);
        if (errors.Count > 0)
        {
            throw new DistributedApplicationException(
                $"The manifest cannot be written: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was written.\n" +
                string.Join('\n', errors.Select(e => $"  - {e}")));
        }
    }
}
