using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;
using YamlDotNet.RepresentationModel;
using static Deploy.Hosting.Tests.Publishing.Compose.ComposeYamlReader;

namespace Deploy.Hosting.Tests.Publishing.Compose;

/// <summary>The target's options, set in code (<c>WithProperties</c>, <c>WithEnvironments</c>, <c>WithDashboard</c>) or
/// in configuration (<c>Deploy:Compose:*</c>).</summary>
public sealed class ComposeOptionsTests
{
    [Fact]
    public async Task Publish_EnvironmentsFromConfiguration_WriteOneOverrideFileEach()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["project-only"], output.Path,
            configuration: new Dictionary<string, string?> { ["Deploy:Compose:Environments"] = "Staging,qa" });

        Assert.Equal(["compose.qa.yaml", "compose.staging.yaml", "compose.yaml"], published.ComposeFiles.Order(StringComparer.Ordinal));
        Assert.Equal("qa", Scalar(Load(published.Files["compose.qa.yaml"]), "services.api.environment.ASPNETCORE_ENVIRONMENT"));
        Assert.Equal("Staging", Scalar(Load(published.Files["compose.staging.yaml"]), "services.api.environment.DOTNET_ENVIRONMENT"));
        Assert.Contains("-f compose.qa.yaml up", published.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithPropertiesAndWithEnvironments_SetProjectNetworkAndOverrides()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["project-only"], output.Path,
            target: compose => compose.WithProperties(c => { c.ProjectName = "shop"; c.DefaultNetworkName = "backend"; }).WithEnvironments("Production"));
        var compose = Load(published.Files["compose.yaml"]);

        Assert.Equal("shop", Scalar(compose, "name"));
        Assert.Equal("${API_IMAGE:-shop/api:latest}", Scalar(compose, "services.api.image"));
        Assert.Equal(["backend"], Strings(compose, "services.api.networks"));
        Assert.Equal("bridge", Scalar(compose, "networks.backend.driver"));
        Assert.Equal(["compose.production.yaml", "compose.yaml"], published.ComposeFiles.Order(StringComparer.Ordinal));
        await ComposeValidator.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_WithDashboard_AddsTheDashboardAndPointsProjectTelemetryAtIt()
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All["postgres-redis-api"], output.Path, target: compose => compose.WithDashboard());
        var compose = Load(published.Files["compose.yaml"]);

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspire-dashboard:13.", Scalar(compose, "services.compose-dashboard.image"), StringComparison.Ordinal);
        Assert.Equal(["18888:18888"], Strings(compose, "services.compose-dashboard.ports"));
        Assert.Equal("http://compose-dashboard:18889", Scalar(compose, "services.api.environment.OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("grpc", Scalar(compose, "services.web.environment.OTEL_EXPORTER_OTLP_PROTOCOL"));
        Assert.Equal("web", Scalar(compose, "services.web.environment.OTEL_SERVICE_NAME"));
        Assert.Null(At(compose, "services.postgres.environment.OTEL_EXPORTER_OTLP_ENDPOINT"));
        await ComposeValidator.AssertValidAsync(published);
    }

    [Fact]
    public async Task Publish_Default_HasNoDashboardAndNoTelemetryEndpoint()
    {
        var compose = await PublishAsync("project-only");

        Assert.Null(At(compose, "services.compose-dashboard"));
        Assert.Null(At(compose, "services.api.environment.OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    private static async Task<YamlMappingNode> PublishAsync(string model)
    {
        using var output = new TestDirectory();
        var published = await ComposePublish.RunAsync(ComposeTestModels.All[model], output.Path);
        return Load(published.Files["compose.yaml"]);
    }

    private static List<string> Strings(YamlNode root, string path) =>
        Assert.IsType<YamlSequenceNode>(At(root, path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
}
