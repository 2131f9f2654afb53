namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Compares an output tree with a golden directory (or rewrites it when <c>DEPLOY_UPDATE_GOLDEN=1</c>).</summary>
internal static class GoldenFiles
{
    /// <summary>Set to 1 to rewrite the golden files from the current output instead of comparing.</summary>
    public const string UpdateVariable = "DEPLOY_UPDATE_GOLDEN";

    public const string Regenerate = "DEPLOY_UPDATE_GOLDEN=1 dotnet test Tests/Hosting.Tests --filter \"FullyQualifiedName~Compose\"";

    public static void AssertMatch(string goldenDirectory, IReadOnlyDictionary<string, string> actual)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(goldenDirectory))
                Directory.Delete(goldenDirectory, recursive: true);
            foreach (var (path, contents) in actual)
            {
                var target = Path.Combine(goldenDirectory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, contents);
            }

            return;
        }

        var hint = $"If the change is intended, regenerate the golden files with:\n  {Regenerate}\nand review the diff under {goldenDirectory}.";
        Assert.True(Directory.Exists(goldenDirectory), $"No golden files at {goldenDirectory}. {hint}");
        var expected = ComposePublish.ReadTree(goldenDirectory);
        Assert.True(expected.Keys.SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            $"The files written differ from the golden set.\n  expected: {string.Join(", ", expected.Keys)}\n  actual:   {string.Join(", ", actual.Keys.Order(StringComparer.Ordinal))}\n{hint}");
        foreach (var (path, contents) in expected)
        {
            if (contents != actual[path])
                Assert.Fail($"{path} differs from its golden file.\n{FirstDifference(contents, actual[path])}\n{hint}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < b.Length ? b[i] : "<end of file>";
            if (left != right)
                return $"First difference at line {i + 1}:\n  expected: {left}\n  actual:   {right}";
        }

        return "The files differ only in line endings.";
    }
}
