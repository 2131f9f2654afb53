using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;

namespace Deploy.Hosting.Tests.Publishing;

public sealed class ModelRulesTests
{
    private static readonly string[] Environments = ["development", "staging", "production"];

    private static List<string> Check(Action<IDistributedApplicationBuilder> declare, params string[] environments)
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        declare(builder);
        var resources = builder.Resources.ToList();
        return ModelRules.Check(resources, environments.Length == 0 ? Environments : environments, "k8s");
    }

    [Fact]
    public void Check_ReferenceShapedModel_NoProblem() => Assert.Empty(Check(b =>
    {
        var migrations = b.AddContainer("migrations", "tool");
        b.AddContainer("api", "api").WithHttpEndpoint(targetPort: 8080).WithExternalHttpEndpoints().WaitForCompletion(migrations)
            .WithRoute("/api").ForEnvironment("production", new() { MinReplicas = 2, MaxReplicas = 6, Host = "docs.example.com" });
    }));

    [Fact]
    public void Check_EnvironmentNotADnsLabel_NamesItAndTheFix()
    {
        var problem = Assert.Single(Check(_ => { }, "staging", "prod_eu"));

        Assert.StartsWith("Environment 'prod_eu' of target 'k8s' is not a DNS label. Fix:", problem, StringComparison.Ordinal);
        Assert.Contains("'prod-eu'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CapitalizedEnvironment_IsTheSameLabel() => Assert.Empty(Check(_ => { }, "Staging", "Production"));

    [Fact]
    public void Check_OneShotWithReplicasAndExternalEndpoints_ReportsBoth()
    {
        var problems = Check(b =>
        {
            var migrations = b.AddContainer("migrations", "tool").WithAnnotation(new ReplicaAnnotation(2)).WithHttpEndpoint(targetPort: 80).WithExternalHttpEndpoints();
            b.AddContainer("api", "api").WaitForCompletion(migrations);
        });

        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("Resource 'migrations' is awaited with WaitForCompletion", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("replicas or autoscaling", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("external endpoints (http)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OverridesForUnknownEnvironmentAndBadValues_AllReported()
    {
        var problems = Check(b => b.AddContainer("api", "api")
            .ForEnvironment("prod", new() { Replicas = 2 })
            .ForEnvironment("staging", new() { MinReplicas = 5, MaxReplicas = 2, Cpu = 0, Host = "Bad Host", ImageTag = ":x" }));

        Assert.Contains(problems, p => p.StartsWith("Resource 'api', ForEnvironment(\"prod\"): target 'k8s' publishes no environment 'prod'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("min 5, max 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CPU 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("host 'Bad Host' is not a DNS name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("image tag ':x'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RouteWithoutExternalEndpointOrSlash_Reported()
    {
        var problems = Check(b => b.AddContainer("api", "api").WithHttpEndpoint(targetPort: 80).WithRoute("api"));

        Assert.Contains(problems, p => p.Contains("route path 'api' must start with '/'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("has WithRoute but no external endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void OneShot_Dependents_AreTheResourcesThatAwaitCompletion()
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        var job = builder.AddContainer("migrations", "tool");
        builder.AddContainer("api", "api").WaitForCompletion(job);
        builder.AddContainer("web", "web").WaitFor(job);
        var model = builder.Resources.ToList();

        Assert.True(OneShot.Is(job.Resource, model));
        Assert.Equal(["api"], OneShot.Dependents(job.Resource, model).Select(r => r.Name));
        Assert.False(OneShot.Is(model.Single(r => r.Name == "api"), model));
    }
}
