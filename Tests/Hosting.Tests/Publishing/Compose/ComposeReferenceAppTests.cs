using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary><c>dotnet run --project AppHost -- publish compose</c> on the reference application.</summary>
public class ComposeReferenceAppTests(ReferenceAppPublish publish) : IClassFixture<ReferenceAppPublish>
{
    private const string Regenerate = "dotnet build AppHost && DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~ComposeReferenceAppTests\"";

    [Fact]
    public void PublishCompose_ReferenceApp_ExitsCleanlyAndPrintsNextSteps()
    {
        Assert.True(publish.Result.ExitCode == 0,
            $"publish compose failed (exit {publish.Result.ExitCode}). The test runs the AppHost with --no-build: build it first with 'dotnet build AppHost'.\n{publish.Result.All}");
        Assert.Equal("", publish.Result.StandardError);
        Assert.Contains("Next steps:", publish.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD", publish.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishCompose_ReferenceApp_MatchesGoldenFiles()
    {
        Assert.True(publish.Result.ExitCode == 0, $"publish compose failed; build the AppHost first ('dotnet build AppHost').\n{publish.Result.All}");

        // The AppHost grows with the application: when it changes on purpose, regenerate and review the diff.
        GoldenFiles.AssertMatch(Path.Combine(RepoPaths.SourceDirectory(), "Golden", "reference-app"), publish.Published.Files, Regenerate);
    }

    [Fact]
    public async Task PublishCompose_ReferenceApp_PassesComposeValidator()
    {
        Assert.True(publish.Result.ExitCode == 0, $"publish compose failed; build the AppHost first ('dotnet build AppHost').\n{publish.Result.All}");

        await ComposeValidator.AssertValidAsync(publish.Published);
    }

    [Fact]
    public void PublishCompose_ReferenceApp_WritesNoSecretValue()
    {
        Assert.True(publish.Result.ExitCode == 0, $"publish compose failed; build the AppHost first ('dotnet build AppHost').\n{publish.Result.All}");
        Assert.Contains("compose.yaml", publish.Published.Files.Keys);

        foreach (var (path, contents) in publish.Published.Files)
        {
            Assert.False(contents.Contains(ReferenceAppPublish.PostgresPassword, StringComparison.Ordinal), $"{path} contains the Postgres password.");
            Assert.False(contents.Contains(ReferenceAppPublish.CachePassword, StringComparison.Ordinal), $"{path} contains the Redis password.");
        }

        Assert.DoesNotContain(ReferenceAppPublish.PostgresPassword, publish.Result.All, StringComparison.Ordinal);
        Assert.Contains("\nPOSTGRES_PASSWORD=\n", publish.Published.Files[".env.example"], StringComparison.Ordinal);
    }
}
