using System.Text;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Golden files for whole output trees: every file, sorted by path, concatenated under a header line.</summary>
/// <remarks>Set <c>DEPLOY_UPDATE_GOLDEN=1</c> to rewrite the golden files from the current output instead of comparing.</remarks>
public static class GoldenTree
{
    /// <summary>Beside these tests, found from the repository root (not the compile-time path, which a CI clone or a
    /// path-mapped build does not share).</summary>
    public static string GoldenDirectory => Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "Publishing", "Kubernetes", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("DEPLOY_UPDATE_GOLDEN") == "1";

    /// <summary>The tree as one text; files that hold real secrets (<c>parameters.env</c>) are never included.</summary>
    public static string Render(string directory)
    {
        var text = new StringBuilder();
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith("/parameters.env", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
            text.Append("##### ").Append(file).Append('\n').Append(File.ReadAllText(Path.Combine(directory, file)));
        return text.ToString();
    }

    /// <summary>Compares <paramref name="directory"/> with golden file <paramref name="name"/>, or rewrites it when updating.</summary>
    public static void AssertMatches(string name, string directory, string howToRegenerate) =>
        AssertTextMatches(GoldenDirectory, name, Render(directory), howToRegenerate);

    /// <summary>Compares <paramref name="actual"/> with golden file <paramref name="name"/> in <paramref name="goldenDirectory"/>,
    /// or rewrites it when updating (other publishers' tests keep their golden files beside them).</summary>
    public static void AssertTextMatches(string goldenDirectory, string name, string actual, string howToRegenerate)
    {
        var path = Path.Combine(goldenDirectory, name + ".golden.txt");
        if (Updating)
        {
            Directory.CreateDirectory(goldenDirectory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing. {howToRegenerate}");
        var expected = File.ReadAllText(path);
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i],
            Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"Output differs from {path} at line {line + 1}:\n  expected: {expectedLines.ElementAtOrDefault(line)}\n" +
            $"  actual:   {actualLines.ElementAtOrDefault(line)}\nIf the change is intended: {howToRegenerate}");
    }
}
