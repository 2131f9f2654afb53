using Aspire.Hosting;
using Deploy.Hosting.Tests.Publishing.Compose;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>Small models, each with the deploy targets its workflows are written for.</summary>
internal static class GitHubTestModels
{
    public static readonly IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All =
        new SortedDictionary<string, Action<IDistributedApplicationBuilder>>(StringComparer.Ordinal)
        {
            ["reference-app"] = ReferenceAppWithTargets,
            ["k8s-project"] = K8sProject,
            ["compose-dockerfile"] = ComposeDockerfile,
            ["aca-postgres"] = AcaPostgres,
        };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>The reference AppHost: its three targets and its resources.</summary>
    public static void ReferenceAppWithTargets(IDistributedApplicationBuilder builder)
    {
        builder.AddKubernetesEnvironment("k8s");
        builder.AddDockerComposeEnvironment("compose");
        builder.AddAzureContainerAppEnvironment("aca");
        ReferenceApp.Declare(builder);
    }

    private static void K8sProject(IDistributedApplicationBuilder builder)
    {
        builder.AddKubernetesEnvironment("k8s");
        var key = builder.AddParameter("signing-key", secret: true);
        builder.Api().WithHttpEndpoint().WithEnvironment("SigningKey", key).WithExternalHttpEndpoints();
    }

    private static void ComposeDockerfile(IDistributedApplicationBuilder builder)
    {
        builder.AddDockerComposeEnvironment("compose");
        builder.AddDockerfile("renderer", "Samples/renderer", stage: "runtime").WithHttpEndpoint(targetPort: 3000);
        builder.Web().WithHttpEndpoint();
    }

    private static void AcaPostgres(IDistributedApplicationBuilder builder)
    {
        builder.AddAzureContainerAppEnvironment("aca");
        var db = builder.AddPostgres("postgres").AddDatabase("docs");
        builder.Api().WithHttpEndpoint().WithReference(db).WithExternalHttpEndpoints();
    }
}
