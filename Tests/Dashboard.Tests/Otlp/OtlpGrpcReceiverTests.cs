using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Deploy.Dashboard.Otlp.Proto.Collector.Logs;
using Deploy.Dashboard.Tests.Infrastructure;
using Google.Protobuf;
using static Deploy.Dashboard.Tests.Infrastructure.Otlp;

namespace Deploy.Dashboard.Tests.Otlp;

/// <summary>The gRPC wire format checked byte by byte over a real HTTP/2 cleartext connection.</summary>
public sealed class OtlpGrpcReceiverTests : IAsyncLifetime
{
    private const string LogsMethod = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
    private TestDashboard _dashboard = null!;
    private readonly HttpClient _client = new();

    public async ValueTask InitializeAsync() =>
        _dashboard = await TestDashboard.StartAsync(new DashboardOptions { MaxOtlpRequestBytes = 4096, OtlpApiKey = "k3y-k3y-k3y" });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task Export_ValidFrame_RepliesWithFramedResponseAndStatusTrailer()
    {
        var (response, body) = await CallAsync(LogsMethod, Frame(Logs("grpc-svc", Log("over grpc")).ToByteArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal(0, body[0]);
        Assert.Equal((uint)(body.Length - 5), BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)));
        Assert.Null(ExportLogsServiceResponse.Parser.ParseFrom(body.AsSpan(5)).PartialSuccess);
        Assert.Equal("over grpc", _dashboard.Server.Store.Logs.Query(new()).Single().Body);
    }

    [Fact]
    public async Task Export_MalformedMessage_ReturnsInvalidArgument()
    {
        var (response, _) = await CallAsync(LogsMethod, Frame([0xFF, 0xFF, 0xFF]));

        Assert.Equal("3", GrpcStatus(response));
    }

    [Fact]
    public async Task Export_LengthPrefixOverLimit_ReturnsResourceExhausted()
    {
        var frame = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), 100_000_000);

        var (response, _) = await CallAsync(LogsMethod, frame);

        Assert.Equal("8", GrpcStatus(response));
    }

    [Fact]
    public async Task Export_BodyOverLimit_ReturnsResourceExhausted()
    {
        var (response, _) = await CallAsync(LogsMethod, Frame(new byte[10_000]));

        Assert.Equal("8", GrpcStatus(response));
    }

    [Fact]
    public async Task Export_TruncatedFrame_ReturnsInvalidArgument()
    {
        var frame = Frame(Logs("svc", Log("x")).ToByteArray());

        var (response, _) = await CallAsync(LogsMethod, frame[..^2]);

        Assert.Equal("3", GrpcStatus(response));
    }

    [Fact]
    public async Task Export_WithoutApiKey_ReturnsUnauthenticated()
    {
        var (response, _) = await CallAsync(LogsMethod, Frame(Logs("svc").ToByteArray()), apiKey: null);

        Assert.Equal("16", GrpcStatus(response));
        Assert.Equal(0, _dashboard.Server.Store.Logs.Count);
    }

    [Fact]
    public async Task Call_UnknownMethod_ReturnsUnimplemented()
    {
        var (response, _) = await CallAsync("/opentelemetry.proto.collector.profiles.v1development.ProfilesService/Export", Frame([]));

        Assert.Equal("12", GrpcStatus(response));
    }

    [Fact]
    public async Task Call_NotGrpcContentType_Returns415()
    {
        var (response, _) = await CallAsync(LogsMethod, Frame([]), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static string? GrpcStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var headers) ? headers.Single()
        : response.TrailingHeaders.TryGetValues("grpc-status", out var trailers) ? trailers.Single()
        : null;

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> CallAsync(
        string method, byte[] frame, string? apiKey = "k3y-k3y-k3y", string contentType = "application/grpc")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_dashboard.Urls.OtlpGrpcEndpoint + method));
        // HTTP/2 with prior knowledge, as gRPC clients speak to a cleartext endpoint.
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        request.Content = new ByteArrayContent(frame);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (response, body);
    }
}
