using Deploy.ServiceDefaults.Discovery;
using Microsoft.Extensions.Configuration;

namespace Deploy.ServiceDefaults.Tests.Discovery;

public sealed class ServiceEndpointResolverTests
{
    [Fact]
    public void Resolve_HttpServiceName_UsesHttpKeyAndKeepsPathAndQuery()
    {
        var resolver = Resolver(("services:api:http:0", "http://localhost:5123"));

        var resolved = resolver.Resolve(new Uri("http://api/items/7?x=1"));

        Assert.Equal(new Uri("http://localhost:5123/items/7?x=1"), resolved);
    }

    [Fact]
    public void Resolve_HttpsPlusHttp_PrefersHttps()
    {
        var resolver = Resolver(("services:api:http:0", "http://localhost:5000"), ("services:api:https:0", "https://localhost:5001"));

        Assert.Equal(new Uri("https://localhost:5001/a"), resolver.Resolve(new Uri("https+http://api/a")));
    }

    [Fact]
    public void Resolve_HttpsPlusHttpWithOnlyHttp_FallsBackToHttp()
    {
        var resolver = Resolver(("services:api:http:0", "localhost:5000"));

        Assert.Equal(new Uri("http://localhost:5000/a"), resolver.Resolve(new Uri("https+http://api/a")));
    }

    [Fact]
    public void Resolve_EnvironmentVariable_IsFound()
    {
        // A unique service name keeps this process-wide variable from touching other tests.
        var service = "svc" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable($"services__{service}__http__0", "http://127.0.0.1:9000");
        try
        {
            var resolver = new ServiceEndpointResolver(new ConfigurationBuilder().AddEnvironmentVariables().Build());

            Assert.Equal(new Uri("http://127.0.0.1:9000/p"), resolver.Resolve(new Uri($"http://{service}/p")));
        }
        finally
        {
            Environment.SetEnvironmentVariable($"services__{service}__http__0", null);
        }
    }

    [Fact]
    public void Resolve_NamedEndpoint_UsesEndpointSection()
    {
        var resolver = Resolver(("services:api:grpc:0", "http://localhost:7000"));

        Assert.Equal(new Uri("http://localhost:7000/svc"), resolver.Resolve(new Uri("http://_grpc.api/svc")));
    }

    [Theory]
    [InlineData("https://example.com/x")]
    [InlineData("http://localhost:8080/x")]
    [InlineData("http://127.0.0.1:8080/x")]
    public void Resolve_RealHost_ReturnsUnchanged(string uri)
    {
        Assert.Equal(new Uri(uri), Resolver().Resolve(new Uri(uri)));
    }

    [Fact]
    public void Resolve_MissingKeys_ThrowsNamingEveryKeyAndTheFix()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Resolver().Resolve(new Uri("https+http://api/x")));

        Assert.Contains("services:api:https:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("services:api:http:0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("services__api__http__0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WithReference(api)", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] values) =>
        new(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}
