using System.Text;

namespace Deploy.Hosting.Tests.TestSupport;

/// <summary>Golden files shared by the publisher tests: a whole output tree rendered as one text (every file, sorted by
/// path, under a header line), compared with the golden file or rewritten when <c>DEPLOY_UPDATE_GOLDEN=1</c>.</summary>
public static class GoldenText
{
    public static bool Updating => Environment.GetEnvironmentVariable("DEPLOY_UPDATE_GOLDEN") == "1";

    /// <summary>The tree as one text; files that hold real secrets (<c>parameters.env</c>) are never included.</summary>
    public static string RenderTree(string directory)
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
