using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.ApplicationModel;

public class ModelBuildingTests
{
    [Fact]
    public async Task WithReference_ConnectionStringAndService_UsesAspireVariableNames()
    {
        var builder = TestModels.Run();
        var db = builder.AddPostgres("pg").AddDatabase("docs");
        var api = builder.AddProject<ApiProject>("api").WithHttpEndpoint();
        var web = builder.AddProject<WebProject>("web").WithReference(db).WithReference(api);

        var environment = await PublishEnvironment(web.Resource);

        Assert.Equal("{docs.connectionString}", environment["ConnectionStrings__docs"]);
        Assert.Equal("{api.bindings.http.url}", environment["services__api__http__0"]);
    }

    [Fact]
    public async Task AddPostgres_Defaults_MatchTheContainerContract()
    {
        var builder = TestModels.Run();
        var postgres = builder.AddPostgres("pg");

        var image = postgres.Resource.Annotations.OfType<ContainerImageAnnotation>().Single();
        var endpoint = postgres.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        var environment = await PublishEnvironment(postgres.Resource);

        Assert.Equal("docker.io/library/postgres:17.6", image.Reference);
        Assert.Equal(("tcp", 5432), (endpoint.Name, endpoint.TargetPort));
        Assert.Equal("scram-sha-256", environment["POSTGRES_HOST_AUTH_METHOD"]);
        Assert.Equal("{pg-password.value}", environment["POSTGRES_PASSWORD"]);
        var password = Assert.IsType<ParameterResource>(Assert.Single(builder.ImplicitResources));
        Assert.True(password.Secret);
        Assert.Equal("Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=postgres;Password={pg-password.value}",
            postgres.Resource.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public void AddRedis_Defaults_GenerateAPasswordWithoutSpecialCharacters()
    {
        var builder = TestModels.Run();
        var redis = builder.AddRedis("cache");

        var generator = Assert.IsType<GenerateParameterDefault>(redis.Resource.PasswordParameter!.Default);
        Assert.False(generator.Special);
        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}", redis.Resource.ValueExpression == "{cache.connectionString}"
            ? redis.Resource.ConnectionStringExpression.ValueExpression : "");
    }

    [Fact]
    public void WithDataVolume_InPublishMode_NamesVolumeFromProjectName()
    {
        var builder = TestModels.Publish();
        var postgres = builder.AddPostgres("pg").WithDataVolume();

        var mount = postgres.Resource.Annotations.OfType<ContainerMountAnnotation>().Single();
        Assert.Matches("^testapp-[0-9a-f]{10}-pg-data$", mount.Source);
        Assert.Equal("/var/lib/postgresql/data", mount.Target);
    }

    [Fact]
    public void WithExternalHttpEndpoints_MarksOnlyHttpEndpoints()
    {
        var builder = TestModels.Run();
        var api = builder.AddContainer("api", "x").WithHttpEndpoint().WithEndpoint(name: "grpc", scheme: "tcp").WithExternalHttpEndpoints();

        var endpoints = api.Resource.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name, e => e.IsExternal);
        Assert.True(endpoints["http"]);
        Assert.False(endpoints["grpc"]);
    }

    [Fact]
    public void AddContainer_ImageWithRegistryAndTag_IsParsed()
    {
        var builder = TestModels.Run();
        var container = builder.AddContainer("c", "ghcr.io/acme/tool:1.2");

        var image = container.Resource.Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal(("ghcr.io", "acme/tool", "1.2"), (image.Registry, image.Image, image.Tag));
    }

    [Fact]
    public void WithGpu_Twice_KeepsTheLastDeclaration()
    {
        var builder = TestModels.Run();
        var worker = builder.AddProject<WorkerProject>("worker").WithGpu(1).WithGpu(2, sku: "a100");

        var gpu = worker.Resource.Annotations.OfType<GpuAnnotation>().Single();
        Assert.Equal(new GpuAnnotation(2, "nvidia", "a100"), gpu);
    }

    [Fact]
    public async Task WithEnvironment_SecretParameter_IsMaskedWhenResolved()
    {
        var builder = TestModels.Run();
        var key = builder.AddParameter("api-key", "top-secret", secret: true);
        var api = builder.AddContainer("api", "x").WithEnvironment("ApiKey", key).WithEnvironment("Mode", "fast");

        var variables = await EnvironmentResolver.ResolveEnvironmentAsync(api.Resource, builder.ExecutionContext, CancellationToken.None);

        Assert.Equal(new ResolvedVariable("ApiKey", "top-secret", IsSecret: true), variables.Single(v => v.Name == "ApiKey"));
        Assert.False(variables.Single(v => v.Name == "Mode").IsSecret);
    }

    private static async Task<Dictionary<string, string>> PublishEnvironment(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, "manifest"), resource);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            await callback.Callback(context);
        return context.EnvironmentVariables.ToDictionary(p => p.Key, p => p.Value is IManifestExpressionProvider m ? m.ValueExpression : p.Value.ToString()!);
    }
}
