using Aspire.Hosting;
using Deploy.Hosting.Publishing.Azure;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureTargetTests
{
    [Fact]
    public async Task AddAzureContainerAppEnvironment_PublishStep_WritesIntoFolderOfItsName()
    {
        using var output = new TestDirectory();

        await PublishRun.RunAsync(b =>
        {
            b.AddAzureContainerAppEnvironment("azure");
            b.AddProject("api", AzureModels.Project("Api")).WithHttpEndpoint();
        }, output.Path, configuration: AzurePublish.Isolated(output.Path));

        Assert.True(File.Exists(output.Combine("azure", "azure.yaml")));
        Assert.True(File.Exists(output.Combine("azure", "infra", "apps", "api.bicep")));
        Assert.Equal(["azure"], Directory.GetDirectories(output.Path).Select(Path.GetFileName).Where(d => d != "aspire-home"));
    }

    [Fact]
    public void AddAzureContainerAppEnvironment_RunMode_NotInModel()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });

        var target = builder.AddAzureContainerAppEnvironment("aca");

        Assert.Equal("aca", target.Resource.Name);
        Assert.DoesNotContain(builder.Resources, r => r is AzureContainerAppEnvironmentResource);
    }

    [Fact]
    public async Task PublishAsAzurePostgresFlexibleServer_UserParameter_IsTheAdministratorLogin()
    {
        using var publish = await AzurePublish.RunAsync(b =>
        {
            var user = b.AddParameter("pg-user", "appadmin", publishValueAsDefault: true);
            var db = b.AddPostgres("postgres", userName: user).PublishAsAzurePostgresFlexibleServer().AddDatabase("docs");
            b.AddProject("api", AzureModels.Project("Api")).WithHttpEndpoint().WithReference(db);
        });

        var main = publish.Read("infra/main.bicep");
        Assert.Contains("param pg_user string = 'appadmin'", main, StringComparison.Ordinal);
        Assert.Contains("administratorLogin: pg_user\n", main, StringComparison.Ordinal);
        Assert.Contains("'Host=${svc_postgres_hostName};Port=5432;Username=${pg_user};Password=${postgres_password};Database=docs'",
            publish.Read("infra/apps/api.bicep"), StringComparison.Ordinal);
        Assert.Contains("resource database1 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {\n  parent: server\n  name: 'docs'",
            publish.Read("infra/services/postgres.bicep"), StringComparison.Ordinal);
    }
}
