using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Every model of the table publishes to exactly its golden files, deterministically, and every Compose file
/// it writes (base, overrides, base merged with each override) passes the independent validator.</summary>
public sealed class ComposeGoldenTests
{
    public static TheoryData<string> Models => ComposeTestModels.Names;

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Publish_TableModel_MatchesGoldenFilesAndPassesValidator(string name)
    {
        using var output = new RepoOutputDirectory(name);

        var published = await ComposePublish.RunAsync(ComposeTestModels.All[name], output.Path);

        GoldenFiles.AssertMatch(Path.Combine(RepoPaths.SourceDirectory(), "Golden", name), published.Files);
        await ComposeValidator.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_SameModelTwice_WritesIdenticalBytes()
    {
        using var output = new TestDirectory();

        var first = await ComposePublish.RunAsync(ComposeTestModels.All["reference-app"], output.Path);
        var second = await ComposePublish.RunAsync(ComposeTestModels.All["reference-app"], output.Path);

        Assert.NotEmpty(first.Files);
        Assert.Equal(first.Files, second.Files);
    }
}
