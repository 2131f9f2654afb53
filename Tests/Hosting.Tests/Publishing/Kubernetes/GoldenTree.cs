using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Golden files for whole output trees: every file, sorted by path, concatenated under a header line.</summary>
/// <remarks>Set <c>DEPLOY_UPDATE_GOLDEN=1</c> to rewrite the golden files from the current output instead of comparing.</remarks>
public static class GoldenTree
{
    /// <summary>Beside these tests, found from the repository root (not the compile-time path, which a CI clone or a
    /// path-mapped build does not share).</summary>
    public static string GoldenDirectory => Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "Publishing", "Kubernetes", "Golden");

    public static bool Updating => GoldenText.Updating;

    /// <summary>The tree as one text (see <see cref="GoldenText.RenderTree"/>).</summary>
    public static string Render(string directory) => GoldenText.RenderTree(directory);

    /// <summary>Compares <paramref name="directory"/> with golden file <paramref name="name"/>, or rewrites it when updating.</summary>
    public static void AssertMatches(string name, string directory, string howToRegenerate) =>
        AssertTextMatches(GoldenDirectory, name, Render(directory), howToRegenerate);

    /// <summary>Compares <paramref name="actual"/> with golden file <paramref name="name"/> in <paramref name="goldenDirectory"/>.</summary>
    public static void AssertTextMatches(string goldenDirectory, string name, string actual, string howToRegenerate) =>
        GoldenText.AssertTextMatches(goldenDirectory, name, actual, howToRegenerate);
}
