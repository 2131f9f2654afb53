using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>Publishes the reference AppHost once, as a user would, for the tests that inspect its output.</summary>
/// <remarks>The output goes below this project's obj folder: a fixed place inside the repository, so the relative build
/// contexts in compose.yaml are the same on every machine (and the folder is ignored by git).</remarks>
public sealed class ReferenceAppPublish : IAsyncLifetime
{
    public const string PostgresPassword = "refPgSecret-83d1c0";
    public const string CachePassword = "refCacheSecret5a77e2";

    public static string OutputPath { get; } = Path.Combine(RepoPaths.Root, "Tests", "Hosting.Tests", "obj", "compose-reference", "deploy", "compose");

    public CommandRunner.Result Result { get; private set; } = new(-1, "", "");

    public ComposeHarness.Published Published { get; private set; } = new("", new Dictionary<string, string>(), "");

    public async ValueTask InitializeAsync()
    {
        if (Directory.Exists(OutputPath))
            Directory.Delete(OutputPath, recursive: true);
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Parameters__postgres-password"] = PostgresPassword,
            ["Parameters__cache-password"] = CachePassword,
        };
        Result = await CommandRunner.RunAsync("dotnet", ["run", "--project", "AppHost", "--no-build", "--", "publish", "compose", "--output-path", OutputPath],
            environment: environment);
        if (Directory.Exists(OutputPath))
            Published = new(OutputPath, ComposeHarness.ReadTree(OutputPath), Result.StandardOutput);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
