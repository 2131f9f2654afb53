using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Golden files for whole output trees: every file, sorted by path, concatenated under a header line.</summary>
public static class AzureGolden
{
    public const string HowToRegenerate =
        "Regenerate the golden files with: DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Azure\", then review the diff.";

    public static string Directory => Path.Combine(RepoPaths.SourceDirectory(), "Golden");

    /// <summary>The tree as one text (see <see cref="GoldenText.RenderTree"/>).</summary>
    public static string Render(string directory) => GoldenText.RenderTree(directory);

    /// <summary>Compares <paramref name="actual"/> with golden file <paramref name="name"/>, or rewrites it when updating.</summary>
    public static void AssertMatches(string name, string actual) => GoldenText.AssertTextMatches(Directory, name, actual, HowToRegenerate);
}
