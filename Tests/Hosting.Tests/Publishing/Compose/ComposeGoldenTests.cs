using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Every model of the table publishes to exactly its golden files, deterministically, and every Compose file
/// it writes (base, overrides, base merged with each override) passes the independent validator.</summary>
public class ComposeGoldenTests
{
    /// <summary>Set to 1 to rewrite the golden files from the current output instead of comparing.</summary>
    public const string UpdateVariable = "DEPLOY_UPDATE_GOLDEN";

    public static TheoryData<string> Models => ComposeTestModels.Names;

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Publish_TableModel_MatchesGoldenFiles(string name)
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All[name]());

        GoldenFiles.AssertMatch(Path.Combine(RepoPaths.SourceDirectory(), "Golden", name), published.Files,
            $"DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Compose\"");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Publish_TableModel_PassesComposeValidator(string name)
    {
        var published = await ComposeHarness.PublishAsync(ComposeTestModels.All[name]());

        await ComposeValidator.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_SameModelTwice_WritesIdenticalBytes()
    {
        var first = await ComposeHarness.PublishAsync(ComposeTestModels.All["postgres-redis-api"]());
        var second = await ComposeHarness.PublishAsync(ComposeTestModels.All["postgres-redis-api"]());

        Assert.Equal(first.Files, second.Files);
    }
}
