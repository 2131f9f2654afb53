using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public sealed class KubernetesGoldenTests
{
    private const string Regenerate =
        "Regenerate the golden files with: DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Kubernetes\", " +
        "then review the diff.";

    [Theory]
    [MemberData(nameof(KubernetesModels.Names), MemberType = typeof(KubernetesModels))]
    public async Task Publish_ModelTable_MatchesGoldenFile(string model)
    {
        using var publish = await KubernetesPublish.RunAsync(KubernetesModels.All[model]);

        GoldenTree.AssertMatches("kubernetes-" + model, publish.Directory, Regenerate);
    }

    [Fact]
    public async Task Publish_ModelTable_EveryOverlayPassesValidator()
    {
        var publishes = new List<KubernetesPublish>();
        try
        {
            foreach (var model in KubernetesModels.All.Values)
                publishes.Add(await KubernetesPublish.RunAsync(model));
            var trees = KubernetesModels.All.Keys.Zip(publishes).ToDictionary(p => p.First, p => p.Second.Directory, StringComparer.Ordinal);

            var rendered = await KustomizeValidation.RenderAndValidateAsync(trees);

            Assert.All(rendered.Values, overlays => Assert.Equal(["development", "production", "staging"], overlays.Keys.Order(StringComparer.Ordinal)));
        }
        finally
        {
            publishes.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public async Task Publish_ReferenceApp_MatchesGoldenAndEveryOverlayPassesValidator()
    {
        // As AppHost/Program.cs declares the target: two external services need hosts of their own.
        using var publish = await KubernetesPublish.RunAsync(ReferenceApp.Declare, appHostDirectory: Path.Combine(RepoPaths.Root, "AppHost"),
            target: k8s => k8s.WithIngress(className: "nginx", domain: "docs.example.com"));

        GoldenTree.AssertMatches("reference-app", publish.Directory, Regenerate);
        var overlays = await KustomizeValidation.RenderAndValidateAsync(publish.Directory);
        Assert.Contains("kind: StatefulSet", overlays["production"], StringComparison.Ordinal);
        Assert.Contains("kind: Job", overlays["production"], StringComparison.Ordinal);
        Assert.Matches("\n  name: migrations-[0-9a-f]{8}\n", overlays["production"]);
        Assert.Contains("host: api.docs.example.com", overlays["production"], StringComparison.Ordinal);
        Assert.Contains("host: web.staging.docs.example.com", overlays["staging"], StringComparison.Ordinal);
        Assert.Contains($"kubectl apply -k {publish.Directory}/overlays/production", publish.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SameModelTwice_ByteIdenticalOutput()
    {
        using var first = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);
        using var second = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        Assert.Equal(GoldenTree.Render(first.Directory), GoldenTree.Render(second.Directory));
    }
}
