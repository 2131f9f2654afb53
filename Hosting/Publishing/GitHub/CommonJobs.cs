using static Deploy.Hosting.Publishing.Kubernetes.Yaml;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>The jobs every workflow starts with: test, publish the target's artifacts from this commit, push the images.</summary>
internal static class CommonJobs
{
    public const string CheckoutAction = "actions/checkout@v4";
    public const string SetupDotnetAction = "actions/setup-dotnet@v4";
    public const string UploadAction = "actions/upload-artifact@v4";
    public const string DownloadAction = "actions/download-artifact@v4";
    public const string LoginAction = "docker/login-action@v3";

    public static string ArtifactName(WorkflowTarget target) => $"{target.Name.ToLowerInvariant()}-artifacts";

    /// <summary>Where the target's artifacts are, repo-relative, both in the publish job and after a download.</summary>
    public static string ArtifactFolder(WorkflowTarget target) => $"{WorkflowPlan.OutputFolder}/{target.Name}";

    public static object Checkout() => Map(("uses", CheckoutAction));

    public static object Download(WorkflowTarget target) =>
        Map(("uses", DownloadAction), ("with", Map(("name", ArtifactName(target)), ("path", ArtifactFolder(target)))));

    public static OrderedDictionary<string, object> BuildTest(WorkflowPlan plan) => Map(
        ("runs-on", "ubuntu-latest"),
        ("steps", new List<object> { Checkout(), SetupDotnet(plan), Map(("name", "Test"), ("run", "dotnet test")) }));

    public static OrderedDictionary<string, object> Publish(WorkflowPlan plan, WorkflowTarget target)
    {
        // A file-based AppHost (apphost.cs) runs as a file, not a project.
        var run = plan.AppHostProject.EndsWith(".cs", StringComparison.Ordinal) ? plan.AppHostProject : $"--project {plan.AppHostProject}";
        var command = $"dotnet run {run} -- --operation publish --step publish-{target.Name} " +
            $"--output-path \"$GITHUB_WORKSPACE/{WorkflowPlan.OutputFolder}\"";
        // The overlays name the images this run pushes, so what is applied is exactly what was built from this commit.
        if (target.Kind == DeployKind.Kubernetes)
            command += " \\\n  \"--Deploy:Kubernetes:ImageRegistry=$REGISTRY\" \"--Deploy:Kubernetes:ImageTag=$GITHUB_SHA\"";
        return Map(
            ("needs", "build-test"),
            ("runs-on", "ubuntu-latest"),
            ("steps", new List<object>
            {
                Checkout(),
                SetupDotnet(plan),
                Map(("name", $"Publish {target.Name} from this commit"), ("run", command + "\n")),
                // Hidden files too: the Compose deploy builds its .env from the published .env.example.
                Map(("uses", UploadAction), ("with", Map(("name", ArtifactName(target)), ("path", ArtifactFolder(target)), ("if-no-files-found", "error"),
                    ("include-hidden-files", true)))),
            }));
    }

    public static OrderedDictionary<string, object> Images(WorkflowPlan plan, WorkflowTarget target)
    {
        var steps = new List<object>
        {
            Checkout(),
            Download(target),
            RegistryCheck(plan.Registry),
            Map(("uses", LoginAction), ("with", Login(plan.Registry))),
        };
        foreach (var image in target.Images)
        {
            var dockerfile = image.IsGenerated ? $"{ArtifactFolder(target)}/{image.Dockerfile}" : image.Dockerfile;
            steps.Add(Map(("name", $"Build and push {image.Name}"), ("run",
                $"docker build -f {dockerfile} -t \"$REGISTRY/{image.Name}:$GITHUB_SHA\" {image.Context}\n" +
                $"docker push \"$REGISTRY/{image.Name}:$GITHUB_SHA\"\n")));
        }

        return Map(
            ("needs", "publish"),
            ("runs-on", "ubuntu-latest"),
            // packages: write lets GITHUB_TOKEN push to ghcr.io; other registries use REGISTRY_USERNAME/REGISTRY_PASSWORD.
            ("permissions", Map(("contents", "read"), ("packages", IsOtherRegistry(plan.Registry) ? null : "write"))),
            ("steps", steps));
    }

    /// <summary>Fails early, naming what to set, when the registry comes from a GitHub variable nobody set.</summary>
    public static object RegistryCheck(RegistryInput registry) => Map(
        ("name", "Check the registry"),
        ("run", $"if [ -z \"$REGISTRY\" ]; then echo \"::error::Set the GitHub {(registry.IsSecret ? "secret" : "variable")} {registry.GitHubName} " +
            "to the image registry, such as ghcr.io/<owner>.\"; exit 1; fi\n" +
            "echo \"REGISTRY_HOST=${REGISTRY%%/*}\" >> \"$GITHUB_ENV\"\n"));

    private static OrderedDictionary<string, object> Login(RegistryInput registry)
    {
        // The registry's host is all docker login wants; the shell strips the path from the full prefix.
        var (user, password) = registry.Value switch
        {
            { } value when value.StartsWith("ghcr.io", StringComparison.Ordinal) => ("${{ github.actor }}", "${{ secrets.GITHUB_TOKEN }}"),
            { } => ("${{ secrets.REGISTRY_USERNAME }}", "${{ secrets.REGISTRY_PASSWORD }}"),
            null => ("${{ secrets.REGISTRY_USERNAME || github.actor }}", "${{ secrets.REGISTRY_PASSWORD || secrets.GITHUB_TOKEN }}"),
        };
        return Map(("registry", registry.Value is { } known ? known.Split('/')[0] : "${{ env.REGISTRY_HOST }}"), ("username", user), ("password", password));
    }

    public static bool IsOtherRegistry(RegistryInput registry) => registry.Value is { } value && !value.StartsWith("ghcr.io", StringComparison.Ordinal);

    private static OrderedDictionary<string, object> SetupDotnet(WorkflowPlan plan) => Map(("uses", SetupDotnetAction),
        ("with", plan.HasGlobalJson ? Map(("global-json-file", "global.json")) : Map(("dotnet-version", "10.0.x"))));
}
