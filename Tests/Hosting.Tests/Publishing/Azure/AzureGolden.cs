using System.Text;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Golden files for whole output trees: every file, sorted by path, concatenated under a header line.</summary>
/// <remarks>Set <c>DEPLOY_UPDATE_GOLDEN=1</c> to rewrite the golden files from the current output instead of comparing.</remarks>
public static class AzureGolden
{
    public const string HowToRegenerate =
        "Regenerate the golden files with: DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Azure\", then review the diff.";

    public static string Directory => Path.Combine(RepoPaths.SourceDirectory(), "Golden");

    private static bool Updating => Environment.GetEnvironmentVariable("DEPLOY_UPDATE_GOLDEN") == "1";

    /// <summary>The tree as one text.</summary>
    public static string Render(string directory)
    {
        var text = new StringBuilder();
        var files = System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
            text.Append("##### ").Append(file).Append('\n').Append(File.ReadAllText(Path.Combine(directory, file)));
        return text.ToString();
    }

    /// <summary>Compares <paramref name="actual"/> with golden file <paramref name="name"/>, or rewrites it when updating.</summary>
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Directory, name + ".golden.txt");
        if (Updating)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing. {HowToRegenerate}");
        var expected = File.ReadAllText(path);
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i],
            Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"Output differs from {path} at line {line + 1}:\n  expected: {expectedLines.ElementAtOrDefault(line)}\n" +
            $"  actual:   {actualLines.ElementAtOrDefault(line)}\nIf the change is intended: {HowToRegenerate}");
    }
}
