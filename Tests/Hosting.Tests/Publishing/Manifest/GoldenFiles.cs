using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>Golden files beside the tests: <c>Golden/&lt;name&gt;.json</c>. Set <c>DEPLOY_UPDATE_GOLDEN=1</c> to rewrite them.</summary>
internal static class GoldenFiles
{
    public static string PathOf(string name) => Path.Combine(RepoPaths.SourceDirectory(), "Golden", name + ".json");

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable("DEPLOY_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests once with DEPLOY_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path);
        Assert.True(expected == actual,
            $"The manifest differs from {path}. If the change is intended, rerun with DEPLOY_UPDATE_GOLDEN=1 and review the diff.\n--- actual ---\n{actual}");
    }
}
