using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void Parse_HostPortPasswordSsl_ReadsAll()
    {
        var options = RedisConnectionOptions.Parse("cache.internal:6380,password=p=w,ssl=true,defaultDatabase=2,abortConnect=false");

        Assert.Equal("cache.internal", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("p=w", options.Password);
        Assert.True(options.Ssl);
        Assert.Equal(2, options.Database);
    }

    [Fact]
    public void Parse_HostOnly_DefaultsPortAndNoPassword()
    {
        var options = RedisConnectionOptions.Parse("localhost");

        Assert.Equal(("localhost", 6379), (options.Host, options.Port));
        Assert.Null(options.Password);
        Assert.False(options.Ssl);
    }

    [Fact]
    public void Parse_Ipv6WithTimeoutsAndProtocol_ReadsAll()
    {
        var options = RedisConnectionOptions.Parse("[::1]:7000, connectTimeout=250 ,asyncTimeout=900,protocol=resp3,user=app");

        Assert.Equal(("::1", 7000), (options.Host, options.Port));
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(900), options.CommandTimeout);
        Assert.Equal(3, options.Protocol);
        Assert.Equal("app", options.User);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("password=x", "names no endpoint")]
    [InlineData("localhost:abc,password=x", "port of 'localhost:abc' value 'abc'")]
    [InlineData("localhost:70000", "between 1 and 65535")]
    [InlineData("a:1,b:2", "more than one endpoint")]
    [InlineData("localhost,ssl=maybe", "ssl value 'maybe' is not true or false")]
    [InlineData("localhost,colour=blue", "key 'colour' is not supported")]
    [InlineData("localhost,protocol=resp9", "not resp2 or resp3")]
    [InlineData(":6379", "no valid host")]
    public void Parse_Malformed_ThrowsFormatExceptionExplainingWhy(string connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(connectionString));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("host:port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedWithPassword_NeverEchoesPassword()
    {
        var ex = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse("localhost,password=hunter2,bogus=1"));

        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPassword_MasksIt()
    {
        var text = RedisConnectionOptions.Parse("localhost:6379,password=hunter2").ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.StartsWith("localhost:6379,password=*****", text, StringComparison.Ordinal);
    }
}
