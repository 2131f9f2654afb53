using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

public class ManifestWriterTests
{
    private static DistributedApplicationBuilder MixedModel()
    {
        var builder = TestModels.Publish();
        var db = builder.AddPostgres("postgres").WithDataVolume().WithBindMount("../seed", "/docker-entrypoint-initdb.d", isReadOnly: true)
            .AddDatabase("docs");
        var cache = builder.AddRedis("cache");
        builder.AddDockerfile("frontend", "../frontend").WithHttpEndpoint(env: "PORT");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(db).WithReference(cache);
        return builder;
    }

    [Fact]
    public async Task Render_SameModelTwice_WritesSameBytes()
    {
        var first = await ManifestRendering.RenderAsync(MixedModel());
        var second = await ManifestRendering.RenderAsync(MixedModel());

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Render_MixedModel_UsesLfNewlinesTwoSpaceIndentationAndRelativePaths()
    {
        var manifest = await ManifestRendering.RenderAsync(MixedModel());

        Assert.DoesNotContain('\r', manifest);
        Assert.EndsWith("}\n", manifest, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"$schema\": \"https://json.schemastore.org/aspire-8.0.json\",\n  \"resources\": {\n    \"postgres\": {\n", manifest,
            StringComparison.Ordinal);
        Assert.DoesNotContain("/apps/", manifest, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"../seed\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"../Api/Api.csproj\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ManifestInAnotherDirectory_PathsAreRelativeToTheManifest()
    {
        var builder = TestModels.Publish();
        builder.AddProject<ApiProject>("api");
        builder.AddDockerfile("frontend", "../frontend");

        var manifest = await ManifestRendering.RenderAsync(builder, "/tmp/azd-provision123");

        Assert.Contains("\"path\": \"../../apps/Api/Api.csproj\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"context\": \"../../apps/frontend\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ParameterWithConfiguredSecret_NeverWritesTheValue()
    {
        var builder = TestModels.Publish();
        builder.Configuration["Parameters:api-key"] = "s3cr3t-from-user-secrets";
        var apiKey = builder.AddParameter("api-key", secret: true);
        var region = builder.AddParameter("region", "literal-default-value");
        builder.AddProject<ApiProject>("api").WithEnvironment("ApiKey", apiKey).WithEnvironment("Region", region);

        var manifest = await ManifestRendering.RenderAsync(builder);

        Assert.DoesNotContain("s3cr3t-from-user-secrets", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("literal-default-value", manifest, StringComparison.Ordinal);
        Assert.Contains("\"ApiKey\": \"{api-key.value}\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_PasswordParameterOutsideTheModel_IsWrittenAfterModelResources()
    {
        var builder = TestModels.Publish();
        var password = builder.CreateResourceBuilder(new ParameterResource("pg-admin", () => null, secret: true));
        builder.AddPostgres("pg", password: password);

        var manifest = await ManifestRendering.RenderAsync(builder);

        var pg = manifest.IndexOf("\"pg\": {", StringComparison.Ordinal);
        var parameter = manifest.IndexOf("\"pg-admin\": {", StringComparison.Ordinal);
        Assert.True(pg >= 0 && parameter > pg, manifest);
        Assert.Contains("Password={pg-admin.value}", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_GpuAndReplicas_AreNotWritten()
    {
        var builder = TestModels.Publish();
        builder.AddProject<WorkerProject>("embedder").WithGpu(2, sku: "a100").WithReplicas(3);

        var manifest = await ManifestRendering.RenderAsync(builder);

        Assert.DoesNotContain("gpu", manifest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a100", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("replica", manifest, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Render_ExecutablesWithoutDockerfile_FailsNamingEveryResourceAndTheFix()
    {
        var builder = TestModels.Publish();
        builder.AddExecutable("scorer", "python", "../scorer", "main.py");
        builder.AddExecutable("indexer", "node", "../indexer", "index.js");
        builder.AddExecutable("packaged", "java", "../packaged").PublishAsDockerFile();

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => ManifestRendering.RenderAsync(builder));

        Assert.Contains("2 problems", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'scorer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'indexer'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'packaged'", error.Message, StringComparison.Ordinal);
        Assert.Contains(".PublishAsDockerFile()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ValueOfUnsupportedType_FailsNamingTheResource()
    {
        var builder = TestModels.Publish();
        builder.AddProject<ApiProject>("api").WithEnvironment(context => context.EnvironmentVariables["WHEN"] = new object());

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => ManifestRendering.RenderAsync(builder));

        Assert.Contains("Resource 'api'", error.Message, StringComparison.Ordinal);
    }
}
