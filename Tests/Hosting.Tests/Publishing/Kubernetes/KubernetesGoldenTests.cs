using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

public class KubernetesGoldenTests
{
    private const string Regenerate =
        "Regenerate the golden files with: DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Kubernetes\" " +
        "(the reference app needs 'dotnet build AppHost' first), then review the diff.";

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
        var directory = KubernetesPublish.NewDirectory();
        try
        {
            var result = await CommandRunner.RunAsync("dotnet",
                ["run", "--project", "AppHost", "--no-build", "--", "publish", "kubernetes", "--output-path", directory],
                timeout: TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, $"publish failed (is the AppHost built? run 'dotnet build AppHost'):\n{result.All}");
            Assert.Empty(result.StandardError);
            Assert.Contains($"kubectl apply -k {directory}/overlays/production", result.StandardOutput, StringComparison.Ordinal);

            GoldenTree.AssertMatches("reference-app", directory, Regenerate);
            var overlays = await KustomizeValidation.RenderAndValidateAsync(directory);
            Assert.Contains("kind: StatefulSet", overlays["production"], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_SameModelTwice_ByteIdenticalOutput()
    {
        using var first = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);
        using var second = await KubernetesPublish.RunAsync(KubernetesModels.PostgresRedis);

        Assert.Equal(GoldenTree.Render(first.Directory), GoldenTree.Render(second.Directory));
    }
}
