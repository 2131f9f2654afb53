namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureGoldenTests
{
    [Theory]
    [MemberData(nameof(AzureModels.Names), MemberType = typeof(AzureModels))]
    public async Task Publish_ModelTable_MatchesGoldenFile(string model)
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All[model]);

        AzureGolden.AssertMatches("azure-" + model, publish.Render());
    }

    [Fact]
    public async Task Publish_SameModelTwice_ByteIdenticalOutput()
    {
        using var first = await AzurePublish.RunAsync(AzureModels.All["reference-app"]);
        using var second = await AzurePublish.RunAsync(AzureModels.All["reference-app"]);

        Assert.Equal(first.Render(), second.Render());
    }
}
