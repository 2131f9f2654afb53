using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Tests.Native;

public sealed class NativeSwapTests
{
    [Fact]
    public void Apply_Postgres_NoImageAndEveryEndpointAllocatedOnLocalhost()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var postgres = builder.AddPostgres("pg").Resource;

        NativeSwap.Apply(postgres);

        Assert.False(NativeSwap.IsContainer(postgres));
        var endpoint = Assert.Single(postgres.Annotations.OfType<EndpointAnnotation>());
        Assert.False(endpoint.IsProxied);
        Assert.NotNull(endpoint.AllocatedEndpoint);
        Assert.Equal("localhost", endpoint.AllocatedEndpoint.Address);
        Assert.Equal(endpoint.Port, endpoint.AllocatedEndpoint.Port);
        Assert.Equal(endpoint.Port, endpoint.TargetPort);
    }

    [Fact]
    public void Apply_FixedPort_IsHonoured()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var redis = builder.AddRedis("cache", port: 16379).Resource;

        NativeSwap.Apply(redis);

        Assert.Equal(16379, redis.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint?.Port);
    }

    [Fact]
    public async Task Apply_ConnectionString_ResolvesToTheAllocatedPort()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var redis = builder.AddRedis("cache", port: 16380, password: builder.AddParameter("pw", "secret-value")).Resource;

        NativeSwap.Apply(redis);

        var connectionString = await redis.GetConnectionStringAsync();
        Assert.StartsWith("localhost:16380,password=", connectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("ssl=true", connectionString, StringComparison.Ordinal);
    }
}
