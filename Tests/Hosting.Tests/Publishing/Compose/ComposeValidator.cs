using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Runs the independent Compose judge (../shared/validate/validate-compose.mjs) on every Compose file of a publish:
/// the base file, each override file on its own (schema only: it is partial by design), and the base merged with each override.</summary>
internal static class ComposeValidator
{
    public static async Task AssertValidAsync(ComposePublish.Published published)
    {
        using var merged = new TestDirectory("deploy-compose-merged");
        var basis = ComposeYamlReader.Load(published.Files["compose.yaml"]);
        var overrides = published.ComposeFiles.Where(f => f != "compose.yaml").ToList();
        Assert.NotEmpty(overrides);
        foreach (var file in overrides)
        {
            var overlay = ComposeYamlReader.Load(published.Files[file]);
            ComposeYamlReader.AssertMappingsAndScalarsOnly(overlay);
            await File.WriteAllTextAsync(merged.Combine("merged." + file), ComposeYamlReader.Write(ComposeYamlReader.Merge(basis, overlay)));
        }

        var full = await CommandRunner.ValidateAsync("validate-compose.mjs", Path.Combine(published.Directory, "compose.yaml"), merged.Path);
        Assert.True(full.ExitCode == 0, $"validate-compose.mjs rejected compose.yaml or a merged override:\n{full.All}");
        var partial = await CommandRunner.ValidateAsync("validate-compose.mjs", ["--no-consistency", .. overrides.Select(f => Path.Combine(published.Directory, f))]);
        Assert.True(partial.ExitCode == 0, $"validate-compose.mjs rejected an override file:\n{partial.All}");

        // A judge that checked nothing would also exit 0.
        Assert.Contains($"{1 + overrides.Count} checked", full.All, StringComparison.Ordinal);
    }
}
