using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>Renders each overlay with <c>kubectl kustomize</c> and judges the results with the independent validator.</summary>
/// <remarks>The validator takes seconds to start, so every rendered overlay goes into one folder and is judged in one
/// run; its findings name the file, i.e. the tree and overlay.</remarks>
public static class KustomizeValidation
{
    /// <summary>Validates one output tree; returns the rendered YAML per overlay.</summary>
    public static async Task<Dictionary<string, string>> RenderAndValidateAsync(string directory) =>
        (await RenderAndValidateAsync(new Dictionary<string, string> { ["tree"] = directory }))["tree"];

    /// <summary>Fills every overlay's secrets file from its example (as a user would), renders every overlay of every
    /// tree (name → directory), and validates them all; returns tree → overlay → rendered YAML.</summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> RenderAndValidateAsync(IReadOnlyDictionary<string, string> trees)
    {
        var rendered = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        using var folder = new TestDirectory("deploy-k8s-rendered");
        {
            foreach (var (name, directory) in trees)
            {
                rendered[name] = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var overlay in Directory.GetDirectories(Path.Combine(directory, "overlays")).Order(StringComparer.Ordinal))
                {
                    var example = Path.Combine(overlay, "parameters.env.example");
                    var secrets = Path.Combine(overlay, "parameters.env");
                    if (File.Exists(example) && !File.Exists(secrets))
                        File.Copy(example, secrets);

                    var kustomize = await CommandRunner.RunAsync("kubectl", ["kustomize", overlay]);
                    Assert.True(kustomize.ExitCode == 0, $"kubectl kustomize {overlay} failed:\n{kustomize.All}");
                    await File.WriteAllTextAsync(folder.Combine($"{name}-{Path.GetFileName(overlay)}.yaml"), kustomize.StandardOutput);
                    rendered[name][Path.GetFileName(overlay)] = kustomize.StandardOutput;
                }

                Assert.NotEmpty(rendered[name]);
            }

            var validation = await CommandRunner.ValidateAsync("validate-k8s.mjs", "--quiet", folder.Path);
            Assert.True(validation.ExitCode == 0, $"validate-k8s rejected the rendered overlays:\n{validation.All}");
            Assert.Contains("validate-k8s: PASS", validation.StandardOutput, StringComparison.Ordinal);
            return rendered;
        }
    }
}
