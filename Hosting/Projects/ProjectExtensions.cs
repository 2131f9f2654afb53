using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Projects;

namespace Aspire.Hosting;

/// <summary><c>AddProject</c> and <c>WithReplicas</c>.</summary>
public static class ProjectExtensions
{
    /// <summary>Adds a .NET project referenced by the AppHost (<c>Projects.X</c> is generated from its <c>ProjectReference</c>).</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProjectCore(name, new TProject());

    /// <summary>Adds a .NET project by path (relative to the AppHost directory; a folder with one project file is accepted).</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddProjectCore(name, new ProjectPathMetadata(ProjectPathMetadata.Resolve(builder.AppHostDirectory, projectPath)));

    /// <summary>Runs <paramref name="replicas"/> processes of the project behind one endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas) =>
        builder.WithAnnotation(new ReplicaAnnotation(replicas), ResourceAnnotationMutationBehavior.Replace);

#pragma warning disable CA1859 // Also called with the generated Projects.* types, through a type parameter the analyzer does not see.
    private static IResourceBuilder<ProjectResource> AddProjectCore(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var project = builder.AddResource(new ProjectResource(name)).WithAnnotation(metadata);
        LaunchProfile.Apply(project, metadata.ProjectPath);
        return project.WithAnnotation(new EnvironmentCallbackAnnotation(ProjectEnvironment.Apply));
    }
#pragma warning restore CA1859
}
