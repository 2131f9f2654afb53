using Deploy.Hosting.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Deploy.Hosting.Tests.Publishing.Compose.ComposeYamlReader;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Build contexts and Dockerfile paths are relative to where compose.yaml ends up, so they resolve to the real
/// project files from any output folder.</summary>
public sealed class ComposeBuildContextTests
{
    [Fact]
    public async Task Publish_InsideAndOutsideTheSourceTree_BothResolveToTheSameProjectFiles()
    {
        using var first = new RepoOutputDirectory("moved-inside");
        using var second = new TestDirectory();
        var nested = second.Combine("deep", "er", "out");

        var one = await ComposePublish.RunAsync(ComposeTestModels.All["reference-app"], first.Path);
        var two = await ComposePublish.RunAsync(ComposeTestModels.All["reference-app"], nested);

        foreach (var service in new[] { "migrations", "api", "embedder", "web" })
        {
            var (context, dockerfile) = Resolve(one, service);
            var (otherContext, otherDockerfile) = Resolve(two, service);
            Assert.Equal(RepoPaths.Root, context);
            Assert.Equal(context, otherContext);
            Assert.Equal(Path.Combine(one.Directory, $"{service}.Dockerfile"), dockerfile);
            Assert.Equal(Path.Combine(two.Directory, $"{service}.Dockerfile"), otherDockerfile);
            Assert.True(File.Exists(dockerfile) && File.Exists(otherDockerfile), $"{service}: a Dockerfile does not resolve.");

            // Every project file the Dockerfile copies exists in the build context.
            var copied = File.ReadAllLines(dockerfile).Where(l => l.StartsWith("COPY [\"", StringComparison.Ordinal))
                .Select(l => l.Split('"')[1]).ToList();
            Assert.Contains(copied, c => c.EndsWith(".csproj", StringComparison.Ordinal));
            Assert.All(copied, c => Assert.True(File.Exists(Path.Combine(context, c)), $"{service}: {c} is not in the build context."));
        }

        // Only the folder outside the sources is told that its relative paths tie it to them.
        Assert.DoesNotContain("outside the sources it builds", one.Log, StringComparison.Ordinal);
        Assert.Contains($"this folder is outside the sources it builds ({RepoPaths.Root}", two.Log, StringComparison.Ordinal);
    }

    private static (string Context, string Dockerfile) Resolve(ComposePublish.Published published, string service)
    {
        var build = (YamlMappingNode)At(Load(published.Files["compose.yaml"]), $"services.{service}.build")!;
        var context = Path.GetFullPath(Scalar(build, "context")!, published.Directory).TrimEnd('/');
        return (context, Path.GetFullPath(Scalar(build, "dockerfile")!, context));
    }
}
