using Deploy.Hosting.Tests.Publishing.Kubernetes;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public class AzureGoldenTests
{
    private const string Regenerate =
        "Regenerate the golden files with: DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Azure\" " +
        "(the reference app needs 'dotnet build AppHost' first, and changes whenever AppHost/Program.cs does), then review the diff.";

    private static string GoldenDirectory => Path.Combine(RepoPaths.SourceDirectory(), "Golden");

    [Theory]
    [MemberData(nameof(AzureModels.Names), MemberType = typeof(AzureModels))]
    public async Task Publish_ModelTable_MatchesGoldenFile(string model)
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All[model]);

        GoldenTree.AssertTextMatches(GoldenDirectory, "azure-" + model, publish.Render(), Regenerate);
    }

    [Fact]
    public async Task Publish_SameModelTwice_ByteIdenticalOutput()
    {
        using var first = await AzurePublish.RunAsync(AzureModels.All["managed-services"]);
        using var second = await AzurePublish.RunAsync(AzureModels.All["managed-services"]);

        Assert.Equal(first.Render(), second.Render());
    }

    [Fact]
    public async Task Publish_ReferenceApp_MatchesGoldenAndPassesValidator()
    {
        // A fixed place inside the repository (ignored by git), so the relative paths in azure.yaml are the same everywhere.
        var directory = Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "obj", "azure-reference", "out");
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);

        var result = await CommandRunner.RunAsync("dotnet",
            ["run", "--project", "AppHost", "--no-build", "--", "publish", "azure", "--output-path", directory], timeout: TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 0, $"publish azure failed (is the AppHost built with this engine? run 'dotnet build AppHost'):\n{result.All}");
        Assert.Empty(result.StandardError);
        Assert.Contains("azd up", result.StandardOutput, StringComparison.Ordinal);
        GoldenTree.AssertTextMatches(GoldenDirectory, "azure-reference-app", GoldenTree.Render(directory),
            "The reference app (AppHost/Program.cs) changes as it grows. " + Regenerate);
        var validation = await CommandRunner.ValidateAsync("validate-bicep.mjs", Path.Combine(directory, "infra"));
        Assert.True(validation.ExitCode == 0, validation.All);
    }
}
