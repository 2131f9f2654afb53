using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Environments;

namespace Deploy.Hosting.Tests.Environments;

public sealed class DeploymentSettingsTests
{
    private static IDistributedApplicationBuilder Builder() => DistributedApplication.CreateBuilder(["--operation", "publish"]);

    [Fact]
    public void For_NoOverrides_KeepsTheModel()
    {
        var api = Builder().AddContainer("api", "nginx").WithAnnotation(new ReplicaAnnotation(3)).WithResources(0.5, 256);

        var settings = DeploymentSettings.For(api.Resource, "staging");

        Assert.Equal(3, settings.Replicas);
        Assert.Null(settings.Autoscaling);
        Assert.Equal((0.5, 256), (settings.Compute!.Cpu, settings.Compute.MemoryMiB));
        Assert.Null(settings.Host);
        Assert.Null(settings.ImageTag);
    }

    [Fact]
    public void For_OverridesOfAnotherEnvironment_AreIgnoredAndCaseDoesNotMatter()
    {
        var api = Builder().AddContainer("api", "nginx").WithAnnotation(new ReplicaAnnotation(3))
            .ForEnvironment("Production", new() { Replicas = 5, Host = "docs.example.com", ImageTag = "v2" });

        Assert.Equal(3, DeploymentSettings.For(api.Resource, "staging").Replicas);
        var production = DeploymentSettings.For(api.Resource, "production");
        Assert.Equal((5, "docs.example.com", "v2"), (production.Replicas, production.Host, production.ImageTag));
    }

    [Fact]
    public void For_AutoscalingBoundsInOneEnvironment_StartFromTheModel()
    {
        var api = Builder().AddContainer("api", "nginx").WithAutoscaling(1, 4, 60)
            .ForEnvironment("production", new() { MaxReplicas = 20 });

        var production = DeploymentSettings.For(api.Resource, "production");

        Assert.Equal((1, 20, 60), (production.Autoscaling!.MinReplicas, production.Autoscaling.MaxReplicas, production.Autoscaling.CpuPercent));
        Assert.Equal(4, DeploymentSettings.For(api.Resource, "staging").Autoscaling!.MaxReplicas);
    }

    [Fact]
    public void For_FixedReplicasInOneEnvironment_TurnsAutoscalingOffThere()
    {
        var api = Builder().AddContainer("api", "nginx").WithAutoscaling(2, 8).ForEnvironment("development", new() { Replicas = 1 });

        var development = DeploymentSettings.For(api.Resource, "development");

        Assert.Equal(1, development.Replicas);
        Assert.Null(development.Autoscaling);
    }

    [Fact]
    public void ForEnvironment_TwoCalls_AddUp()
    {
        var api = Builder().AddContainer("api", "nginx")
            .ForEnvironment("staging", new() { Cpu = 0.25 })
            .ForEnvironment("STAGING", new() { MemoryMiB = 128 });

        var staging = DeploymentSettings.For(api.Resource, "staging");

        Assert.Equal((0.25, 128), (staging.Compute!.Cpu, staging.Compute.MemoryMiB));
        Assert.Single(api.Resource.Annotations.OfType<EnvironmentOverridesAnnotation>());
    }

    [Fact]
    public void For_RouteHost_IsTheDefaultHostOfEveryEnvironment()
    {
        var web = Builder().AddContainer("web", "nginx").WithHttpEndpoint(targetPort: 80).WithExternalHttpEndpoints()
            .WithRoute("/", host: "docs.example.com").ForEnvironment("staging", new() { Host = "staging.docs.example.com" });

        Assert.Equal("docs.example.com", DeploymentSettings.For(web.Resource, "production").Host);
        Assert.Equal("staging.docs.example.com", DeploymentSettings.For(web.Resource, "staging").Host);
    }
}
