using System.Text.Json;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>What azd and ARM rely on and no Bicep compiler is here to check: parameter names, outputs, module wiring.</summary>
public sealed class AzureStructureTests
{
    private static readonly string[] AzdOutputs =
    [
        "AZURE_CONTAINER_REGISTRY_ENDPOINT", "AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID", "AZURE_CONTAINER_APPS_ENVIRONMENT_ID",
        "AZURE_CONTAINER_APPS_ENVIRONMENT_NAME", "AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN", "MANAGED_IDENTITY_CLIENT_ID",
        "MANAGED_IDENTITY_PRINCIPAL_ID", "AZURE_LOG_ANALYTICS_WORKSPACE_NAME", "AZURE_RESOURCE_GROUP",
    ];

    [Fact]
    public async Task Publish_ModelTable_EveryBicepFilePassesValidator()
    {
        var publishes = new List<AzurePublish>();
        try
        {
            foreach (var model in AzureModels.All.Values)
                publishes.Add(await AzurePublish.RunAsync(model));

            var result = await CommandRunner.ValidateAsync("validate-bicep.mjs", [.. publishes.Select(p => Path.Combine(p.Directory, "infra"))]);

            Assert.True(result.ExitCode == 0, result.All);
            var files = publishes.Sum(p => Directory.GetFiles(Path.Combine(p.Directory, "infra"), "*.bicep", SearchOption.AllDirectories).Length);
            Assert.Contains($"{files} checked, 0 with errors", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            publishes.ForEach(p => p.Dispose());
        }
    }

    [Theory]
    [MemberData(nameof(AzureModels.Names), MemberType = typeof(AzureModels))]
    public async Task Publish_ModelTable_ModulesGetExactlyTheParametersTheyDeclare(string model)
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All[model]);
        var main = new BicepFile(publish.Read("infra/main.bicep"));

        Assert.NotEmpty(main.Modules);
        foreach (var (symbol, (path, passed)) in main.Modules)
        {
            Assert.True(publish.Has("infra/" + path), $"module {symbol} points at missing infra/{path}");
            var module = new BicepFile(publish.Read("infra/" + path));
            Assert.All(passed.Keys, p => Assert.True(module.Parameters.ContainsKey(p), $"{path} does not declare '{p}' that main.bicep passes"));
            var required = module.Parameters.Where(p => !p.Value).Select(p => p.Key);
            Assert.All(required, p => Assert.True(passed.ContainsKey(p), $"main.bicep does not pass required parameter '{p}' of {path}"));
            // A secure module parameter must get its value from a secure main.bicep parameter, never from plain text.
            Assert.All(passed.Where(p => module.SecureParameters.Contains(p.Key)), p => Assert.Contains(p.Value, main.SecureParameters));
        }
    }

    [Theory]
    [MemberData(nameof(AzureModels.Names), MemberType = typeof(AzureModels))]
    public async Task Publish_ModelTable_AzdParametersAndOutputsPresent(string model)
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All[model]);
        var main = new BicepFile(publish.Read("infra/main.bicep"));
        using var parameters = JsonDocument.Parse(publish.Read("infra/main.parameters.json"));
        var values = parameters.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString());

        Assert.Contains("targetScope = 'subscription'", publish.Read("infra/main.bicep"), StringComparison.Ordinal);
        Assert.Equal("${AZURE_ENV_NAME}", values["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", values["location"]);
        Assert.Equal(main.Parameters.Keys.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.All(values.Values, v => Assert.Matches(@"^\$\{[A-Z0-9_]+(=[A-Za-z]*)?\}$", v));
        Assert.All(AzdOutputs, o => Assert.Contains(o, main.Outputs));
        Assert.Equal(main.Outputs.Count, main.Outputs.Distinct().Count());
    }

    [Fact]
    public async Task Publish_ProjectsAndPulledImages_OnlyBuiltAppsAreAzdServices()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.PostgresRedis);

        var yaml = publish.Read("azure.yaml");
        Assert.Contains("services:\n  api:\n    project: '../../../../Publishing/Azure/Fixtures/Api'\n    language: docker\n    host: containerapp\n",
            yaml, StringComparison.Ordinal);
        // azd resolves the Dockerfile and the context against the project's folder.
        var project = Path.Combine(publish.Directory, "../../../../Publishing/Azure/Fixtures/Api");
        Assert.True(File.Exists(Path.Combine(project, "Api.csproj")));
        Assert.True(File.Exists(Path.Combine(project, Between(yaml, "      path: '", "'"))));
        Assert.True(File.Exists(Path.Combine(project, Between(yaml, "      context: '", "'"), "Deploy.sln")));
        Assert.DoesNotContain("postgres:", yaml, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': 'api'", publish.Read("infra/apps/api.bicep"), StringComparison.Ordinal);
        Assert.DoesNotContain("azd-service-name", publish.Read("infra/apps/postgres.bicep"), StringComparison.Ordinal);
        Assert.True(publish.Has("images/api.Dockerfile"));
    }

    [Fact]
    public async Task Publish_GpuSkus_OneProfilePerSkuAndAppsSizedToIt()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["gpu-two-skus"]);

        var resources = publish.Read("infra/resources.bicep");
        Assert.Equal(1, Count(resources, "workloadProfileType: 'Consumption-GPU-NC8as-T4'"));
        Assert.Equal(1, Count(resources, "workloadProfileType: 'Consumption-GPU-NC24-A100'"));
        Assert.Equal(1, Count(resources, "workloadProfileType: 'Consumption'"));
        var trainer = publish.Read("infra/apps/trainer.bicep");
        Assert.Contains("workloadProfileName: 'gpu-a100'", trainer, StringComparison.Ordinal);
        Assert.Contains("cpu: json('24.0')\n            memory: '220Gi'", trainer, StringComparison.Ordinal);
        Assert.Contains("minReplicas: 0\n        maxReplicas: 2", trainer, StringComparison.Ordinal);
        Assert.Contains("workloadProfileName: 'gpu-t4'", publish.Read("infra/apps/reranker.bicep"), StringComparison.Ordinal);
        Assert.Contains("cpu: json('8.0')\n            memory: '56Gi'", publish.Read("infra/apps/embedder.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoGpu_EnvironmentHasOnlyConsumptionProfile()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["autoscaling"]);

        Assert.DoesNotContain("GPU", publish.Read("infra/resources.bicep"), StringComparison.Ordinal);
        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("minReplicas: 2\n        maxReplicas: 10", api, StringComparison.Ordinal);
        Assert.Contains("type: 'Utilization'\n                value: '60'", api, StringComparison.Ordinal);
        Assert.Contains("cpu: json('0.5')\n            memory: '1Gi'", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HealthAndReferences_ProbesAndInternalAddresses()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["projects-wired"]);

        var web = publish.Read("infra/apps/web.bicep");
        Assert.Contains("value: 'http://api.internal.${containerAppsEnvironmentDomain}'", web, StringComparison.Ordinal);
        Assert.Contains("external: true", web, StringComparison.Ordinal);
        Assert.Contains("dependsOn: [ app_api ]", publish.Read("infra/main.bicep"), StringComparison.Ordinal);
        Assert.Contains("minReplicas: 3\n        maxReplicas: 3", publish.Read("infra/apps/api.bicep"), StringComparison.Ordinal);
        using var postgres = await AzurePublish.RunAsync(AzureModels.PostgresRedis);
        var api = postgres.Read("infra/apps/api.bicep");
        Assert.Contains("httpGet: {\n                path: '/ready'\n                port: 8080", api, StringComparison.Ordinal);
        Assert.Contains("'Host=postgres;Port=5432;Username=postgres;Password=${postgres_password};Database=docs'", api, StringComparison.Ordinal);
        Assert.Contains("transport: 'tcp'\n        exposedPort: 5432", postgres.Read("infra/apps/postgres.bicep"), StringComparison.Ordinal);
        Assert.Contains("shareQuota: 5\n", postgres.Read("infra/resources.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ReferenceApp_ServiceDefaultsProbesAndExternalIngress()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["reference-app"]);

        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("path: '/health'", api, StringComparison.Ordinal);
        Assert.Contains("path: '/alive'", api, StringComparison.Ordinal);
        Assert.Contains("external: true\n        targetPort: 8080", api, StringComparison.Ordinal);
        Assert.Contains("value: 'https://api.${containerAppsEnvironmentDomain}'", publish.Read("infra/apps/web.bicep"), StringComparison.Ordinal);
        var embedder = publish.Read("infra/apps/embedder.bicep");
        Assert.Contains("workloadProfileName: 'gpu-t4'", embedder, StringComparison.Ordinal);
        Assert.Contains("minReplicas: 2\n        maxReplicas: 2", embedder, StringComparison.Ordinal);
        Assert.Contains("external: false", embedder, StringComparison.Ordinal);
        Assert.Contains("dependsOn: [ app_cache, job_migrations ]", publish.Read("infra/main.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WaitForCompletion_AwaitedResourceIsManualJobThatAzdDeploys()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["reference-app"]);

        Assert.False(publish.Has("infra/apps/migrations.bicep"));
        var job = publish.Read("infra/jobs/migrations.bicep");
        Assert.Contains("resource job 'Microsoft.App/jobs@2024-03-01' = {", job, StringComparison.Ordinal);
        Assert.Contains("'azd-service-name': 'migrations'", job, StringComparison.Ordinal);
        Assert.Contains("triggerType: 'Manual'", job, StringComparison.Ordinal);
        Assert.DoesNotContain("ingress", job, StringComparison.Ordinal);
        Assert.DoesNotContain("scale:", job, StringComparison.Ordinal);
        Assert.Contains("module job_migrations 'jobs/migrations.bicep' = {", publish.Read("infra/main.bicep"), StringComparison.Ordinal);
        Assert.Contains("  migrations:\n    project: '../../../../../../Samples/MigrationService'", publish.Read("azure.yaml"), StringComparison.Ordinal);
        Assert.Contains("az containerapp job start -n migrations", publish.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ManagedServices_ConsumersUseServiceOutputsAndKeys()
    {
        using var publish = await AzurePublish.RunAsync(AzureModels.All["managed-services"]);

        Assert.False(publish.Has("infra/apps/postgres.bicep"));
        Assert.False(publish.Has("infra/apps/cache.bicep"));
        Assert.Contains("resource database1 'Microsoft.DBforPostgreSQL/flexibleServers/databases@", publish.Read("infra/services/postgres.bicep"), StringComparison.Ordinal);
        var api = publish.Read("infra/apps/api.bicep");
        Assert.Contains("'Host=${svc_postgres_hostName};Port=5432;Username=postgres;Password=${postgres_password};Database=docs'", api, StringComparison.Ordinal);
        Assert.Contains("'${svc_cache_hostName}:6380,password=${svc_cache_resource.listKeys().primaryKey},ssl=true'", api, StringComparison.Ordinal);
        Assert.DoesNotContain("cache_password", api, StringComparison.Ordinal);
        var main = publish.Read("infra/main.bicep");
        Assert.Contains("svc_cache_name: svc_cache.outputs.name", main, StringComparison.Ordinal);
        Assert.Contains("administratorLogin: 'postgres'\n    administratorLoginPassword: postgres_password", main, StringComparison.Ordinal);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
