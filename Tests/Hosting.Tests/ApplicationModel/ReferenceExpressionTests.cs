using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.ApplicationModel;

public class ReferenceExpressionTests
{
    [Fact]
    public async Task Create_WithEndpointAndParameter_RendersPlaceholdersAndResolvesValues()
    {
        var builder = TestModels.Run();
        var password = builder.AddParameter("pw", "s3cret", secret: true);
        var cache = builder.AddContainer("cache", "redis").WithEndpoint(targetPort: 6379, name: "tcp");
        var endpoint = cache.GetEndpoint("tcp");
        var expression = ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)},password={password.Resource}");

        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={pw.value}", expression.ValueExpression);

        endpoint.Annotation.AllocatedEndpoint = new AllocatedEndpoint("localhost", 41000, 41000, "tcp");
        Assert.Equal("localhost:41000,password=s3cret", await expression.GetValueAsync());
    }

    [Fact]
    public void Create_WithBracesInLiteralText_KeepsThemLiteral()
    {
        var expression = ReferenceExpression.Create($"{{\"json\": true}}");

        Assert.Equal("{\"json\": true}", expression.ValueExpression);
    }

    [Fact]
    public async Task Create_WithNestedExpression_RendersInnerPlaceholders()
    {
        var builder = TestModels.Run();
        var postgres = builder.AddPostgres("pg", password: builder.AddParameter("pg-pw", "pw", secret: true));
        var db = postgres.AddDatabase("docs");
        postgres.Resource.PrimaryEndpoint.Annotation.AllocatedEndpoint = new AllocatedEndpoint("localhost", 5555, 5555, "tcp");

        Assert.Equal("{pg.connectionString};Database=docs", db.Resource.ConnectionStringExpression.ValueExpression);
        Assert.Equal("Host=localhost;Port=5555;Username=postgres;Password=pw;Database=docs", await db.Resource.GetValueAsync());
    }

    [Fact]
    public async Task GetValueAsync_BeforePortsAreAllocated_ExplainsWhy()
    {
        var builder = TestModels.Run();
        var api = builder.AddContainer("api", "nginx").WithHttpEndpoint();
        var expression = ReferenceExpression.Create($"{api.GetEndpoint("http")}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await expression.GetValueAsync());
        Assert.Contains("'http' of resource 'api' has no allocated port yet", error.Message, StringComparison.Ordinal);
    }
}
