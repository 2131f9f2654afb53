using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesJobTests
{
    private const string InitContainer = "spec.template.spec.initContainers[0]";

    private static void Migrations(IDistributedApplicationBuilder b, string? stagingTag = null)
    {
        var migrate = b.AddProject("migrate", KubernetesModels.Worker);
        if (stagingTag is not null)
            migrate.ForEnvironment("staging", new() { ImageTag = stagingTag });
        b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WaitForCompletion(migrate);
        b.AddProject("web", KubernetesModels.Web).WithHttpEndpoint();
    }

    [Fact]
    public async Task WaitForCompletion_Dependent_InitContainerWaitsForJobWithReadOnlyJobAccess()
    {
        using var publish = await KubernetesPublish.RunAsync(b => Migrations(b));

        var api = publish.Read("base/api/deployment.yaml");
        Assert.Equal("wait-for-migrate", YamlQuery.Scalar(api, $"{InitContainer}.name"));
        Assert.Equal("JOB", YamlQuery.Scalar(api, $"{InitContainer}.env[0].name"));
        Assert.Contains("kubectl get job \"$JOB\"", YamlQuery.Scalar(api, $"{InitContainer}.command[2]"), StringComparison.Ordinal);
        Assert.Equal("job-waiter", YamlQuery.Scalar(api, "spec.template.spec.serviceAccountName"));
        // The pod does not automount the token: only the init container mounts it.
        Assert.Equal("false", YamlQuery.Scalar(api, "spec.template.spec.automountServiceAccountToken"));
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount", YamlQuery.Scalar(api, $"{InitContainer}.volumeMounts[0].mountPath"));
        Assert.Null(YamlQuery.Get(api, "spec.template.spec.containers[0].volumeMounts[1]"));
        var web = publish.Read("base/web/deployment.yaml");
        Assert.Null(YamlQuery.Get(web, "spec.template.spec.serviceAccountName"));
        Assert.Null(YamlQuery.Get(web, "spec.template.spec.initContainers"));

        var role = publish.Read("base/job-waiter/role.yaml");
        Assert.Equal("batch", YamlQuery.Scalar(role, "rules[0].apiGroups[0]"));
        Assert.Equal("jobs", YamlQuery.Scalar(role, "rules[0].resources[0]"));
        Assert.Equal("get list watch", string.Join(' ', YamlQuery.Sequence(role, "rules[0].verbs")));
        Assert.Null(YamlQuery.Get(role, "rules[1]"));
        Assert.Equal("job-waiter", YamlQuery.Scalar(publish.Read("base/job-waiter/rolebinding.yaml"), "subjects[0].name"));
        Assert.True(publish.Has("base/job-waiter/serviceaccount.yaml"));
    }

    [Fact]
    public async Task Overlay_OneShot_JobRenamedByHashAndDependentsWaitForThatName()
    {
        using var publish = await KubernetesPublish.RunAsync(b => Migrations(b));

        var rendered = await KustomizeValidation.RenderAndValidateAsync(publish.Directory);

        var name = JobName(rendered["production"]);
        Assert.Matches("^migrate-[0-9a-f]{8}$", name);
        Assert.Contains($"value: {name}\n", rendered["production"], StringComparison.Ordinal);
        Assert.Contains("ttlSecondsAfterFinished: 3600", rendered["production"], StringComparison.Ordinal);
        Assert.Contains("namespace: k8s-production\nroleRef:", rendered["production"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlay_ImageTagChangesInOneEnvironment_OnlyThatJobNameChanges()
    {
        using var before = await KubernetesPublish.RunAsync(b => Migrations(b));
        using var after = await KubernetesPublish.RunAsync(b => Migrations(b, stagingTag: "2.0.1"));

        var renderedBefore = await KustomizeValidation.RenderAndValidateAsync(before.Directory);
        var renderedAfter = await KustomizeValidation.RenderAndValidateAsync(after.Directory);

        Assert.NotEqual(JobName(renderedBefore["staging"]), JobName(renderedAfter["staging"]));
        Assert.Contains("image: migrate:2.0.1", renderedAfter["staging"], StringComparison.Ordinal);
        Assert.Contains($"value: {JobName(renderedAfter["staging"])}\n", renderedAfter["staging"], StringComparison.Ordinal);
        Assert.Equal(JobName(renderedBefore["production"]), JobName(renderedAfter["production"]));
    }

    [Fact]
    public async Task Publish_OneShotWithReplicasOrExternalEndpoint_RejectedAndNothingWritten()
    {
        using var root = new TestDirectory("deploy-k8s");
        var appHost = KubernetesModels.WriteProjects(root.Combine("apps"));

        var error = await Assert.ThrowsAsync<PublishFailedException>(() => KubernetesPublish.RunIntoAsync(root.Combine("out"), b =>
        {
            var migrate = b.AddProject("migrate", KubernetesModels.Worker).WithReplicas(2);
            var seed = b.AddProject("seed", KubernetesModels.Web).WithHttpEndpoint().WithExternalHttpEndpoints();
            b.AddProject("api", KubernetesModels.Api).WithHttpEndpoint().WaitForCompletion(migrate).WaitForCompletion(seed);
        }, null, null, appHost));

        Assert.Contains("2 problems", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("Resource 'migrate' is awaited with WaitForCompletion, so it runs once to completion, but it also has replicas", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'seed' is awaited with WaitForCompletion, so it runs once to completion, but it has external endpoints (http)", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Combine("out", "k8s")), "Nothing is written when the model cannot be published.");
    }

    /// <summary>The rendered Job's name (kustomize writes metadata.name after the labels, at two spaces).</summary>
    private static string JobName(string rendered)
    {
        var at = rendered.IndexOf("kind: Job\nmetadata:\n", StringComparison.Ordinal);
        Assert.True(at >= 0, rendered);
        var name = rendered.IndexOf("\n  name: ", at, StringComparison.Ordinal) + "\n  name: ".Length;
        return rendered[name..rendered.IndexOf('\n', name)];
    }
}
