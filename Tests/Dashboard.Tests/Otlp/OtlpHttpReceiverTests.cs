using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Deploy.Dashboard.Otlp.Proto.Collector.Trace;
using Deploy.Dashboard.Otlp.Proto.Rpc;
using Deploy.Dashboard.Tests.Infrastructure;
using Google.Protobuf;
using static Deploy.Dashboard.Tests.Infrastructure.Otlp;

namespace Deploy.Dashboard.Tests.Otlp;

public sealed class OtlpHttpReceiverTests : IAsyncLifetime
{
    private TestDashboard _dashboard = null!;
    private readonly HttpClient _client = new();

    public async ValueTask InitializeAsync() =>
        _dashboard = await TestDashboard.StartAsync(new DashboardOptions { MaxOtlpRequestBytes = 4096, OtlpApiKey = "secret-key" });

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Fact]
    public async Task Post_ValidProtobuf_ReturnsEmptyExportResponseAndStoresSpans()
    {
        using var response = await PostAsync("/v1/traces", Traces("api", Span(1, 1, null, "GET /", 0, 5)).ToByteArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var reply = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Null(reply.PartialSuccess);
        Assert.Equal(1, _dashboard.Server.Store.Spans.Count);
    }

    [Fact]
    public async Task Post_SomeInvalidSpans_ReturnsPartialSuccessWithRejectedCount()
    {
        var bad = Span(1, 2, null, "bad", 0, 1);
        bad.SpanId = ByteString.CopyFrom(1, 2);

        using var response = await PostAsync("/v1/traces", Traces("api", Span(1, 1, null, "ok", 0, 1), bad).ToByteArray());

        var reply = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, reply.PartialSuccess.RejectedSpans);
        Assert.NotEmpty(reply.PartialSuccess.ErrorMessage);
    }

    [Fact]
    public async Task Post_MalformedProtobuf_Returns400WithStatusBody()
    {
        using var response = await PostAsync("/v1/logs", [0xFF, 0xFF, 0xFF, 0x0F, 0x01]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, status.Code);
        Assert.Contains("not a valid OTLP logs export", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NestingBeyondRecursionLimit_Returns400()
    {
        var value = new Dashboard.Otlp.Proto.Common.AnyValue { StringValue = "leaf" };
        for (var i = 0; i < 200; i++)
        {
            value = new Dashboard.Otlp.Proto.Common.AnyValue { ArrayValue = new Dashboard.Otlp.Proto.Common.ArrayValue { Values = { value } } };
        }

        var span = Span(1, 1, null, "deep", 0, 1);
        span.Attributes.Add(new Dashboard.Otlp.Proto.Common.KeyValue { Key = "deep", Value = value });

        using var response = await PostAsync("/v1/traces", Traces("api", span).ToByteArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, _dashboard.Server.Store.Spans.Count);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        using var response = await PostAsync("/v1/traces", [1, 2, 3], "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413AndStoresNothing()
    {
        var spans = Enumerable.Range(0, 200).Select(i => Span(1, i, null, new string('x', 50), 0, 1)).ToArray();

        using var response = await PostAsync("/v1/traces", Traces("api", spans).ToByteArray());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(8, Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Code);
        Assert.Equal(0, _dashboard.Server.Store.Spans.Count);
    }

    [Fact]
    public async Task Post_GzipBombOverLimit_Returns413()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[1_000_000]);
        }

        using var response = await PostAsync("/v1/traces", compressed.ToArray(), encoding: "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_GzipBody_IsInflatedAndStored()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(Traces("api", Span(3, 1, null, "zipped", 0, 1)).ToByteArray());
        }

        using var response = await PostAsync("/v1/traces", compressed.ToArray(), encoding: "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zipped", _dashboard.Server.Store.Spans.GetTrace(Hex(TraceId(3)))!.Single().Name);
    }

    [Fact]
    public async Task Post_UnknownFields_AreIgnored()
    {
        // Field 99 (varint) is not in the schema: OTLP receivers must ignore unknown fields.
        byte[] body = [.. Traces("api", Span(4, 1, null, "x", 0, 1)).ToByteArray(), 0x98, 0x06, 0x01];

        using var response = await PostAsync("/v1/traces", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _dashboard.Server.Store.Spans.Count);
    }

    [Fact]
    public async Task Post_JsonWithHexIds_IsAcceptedAndAnsweredInJson()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"js"}}]},
              "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
              "name":"from-json","kind":2,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000"}]}]}]}
            """;

        using var response = await PostAsync("/v1/traces", System.Text.Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var span = _dashboard.Server.Store.Spans.GetTrace("5b8efff798038103d269b633813fc60c")!.Single();
        Assert.Equal(("from-json", "eee19b7ec3c1b174", 1000.0), (span.Name, span.SpanId, span.DurationMs));
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400InJson()
    {
        using var response = await PostAsync("/v1/metrics", "{\"resourceMetrics\": ["u8.ToArray(), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\": 3", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingOrWrongApiKey_Returns401()
    {
        using var missing = await PostAsync("/v1/traces", Traces("api").ToByteArray(), apiKey: null);
        using var wrong = await PostAsync("/v1/traces", Traces("api").ToByteArray(), apiKey: "nope");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Get_SignalPath_Returns405AndUiPathsAreNotServed()
    {
        using var get = await _client.GetAsync(new Uri(_dashboard.Urls.OtlpHttpEndpoint + "/v1/traces"), TestContext.Current.CancellationToken);
        using var ui = await _client.GetAsync(new Uri(_dashboard.Urls.OtlpHttpEndpoint + "/api/resources"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ui.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(
        string path, byte[] body, string contentType = "application/x-protobuf", string? encoding = null, string? apiKey = "secret-key")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_dashboard.Urls.OtlpHttpEndpoint + path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (encoding is not null)
        {
            request.Content.Headers.ContentEncoding.Add(encoding);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("x-otlp-api-key", apiKey);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
