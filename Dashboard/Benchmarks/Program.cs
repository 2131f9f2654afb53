using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Deploy.Dashboard;
using Deploy.Dashboard.Otlp.Proto.Collector.Trace;
using Deploy.Dashboard.Otlp.Proto.Common;
using Deploy.Dashboard.Otlp.Proto.Trace;
using Google.Protobuf;
using ProtoResource = Deploy.Dashboard.Otlp.Proto.Resource.Resource;

// Figures for the dashboard issue: OTLP ingest rate over HTTP/protobuf and gRPC (batches of 512 spans),
// memory after 1,000,000 spans with the default bounds, and server time for the trace list and a 10,000-span trace.
const int BatchSize = 512;
const int Batches = 1_000_000 / BatchSize;
const int Senders = 4;

var payloads = Enumerable.Range(0, 256).Select(i => Batch(i * BatchSize, tracesPerBatch: 32)).ToArray();
await Run("HTTP/protobuf");
await Run("gRPC");

async Task Run(string protocol)
{
    await using var server = new DashboardServer(new DashboardOptions());
    var urls = await server.StartAsync();
    using var client = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
    var sent = 0;
    var elapsed = TimeSpan.Zero;
    var heaps = new List<string>();
    // Four quarters, the heap measured (outside the timing) after each: it must plateau once the bound is reached.
    for (var quarter = 0; quarter < 4; quarter++)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(quarter * Batches / 4, Batches / 4), new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (i, ct) =>
        {
            using var request = protocol == "gRPC" ? Grpc(urls.OtlpGrpcEndpoint!, payloads[i % payloads.Length]) : Http(urls.OtlpHttpEndpoint!, payloads[i % payloads.Length]);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            Interlocked.Add(ref sent, BatchSize);
        });
        elapsed += clock.Elapsed;
        heaps.Add($"{GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:F0}");
    }

    Console.WriteLine($"{protocol,-14} {sent:N0} spans in {elapsed.TotalSeconds:F2}s = {sent / elapsed.TotalSeconds:N0} spans/s; " +
        $"managed heap after each 250k spans: {string.Join(" / ", heaps)} MiB; working set {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB");

    if (protocol == "gRPC")
    {
        await QueryTimings(urls, client);
    }
}

async Task QueryTimings(DashboardUrls urls, HttpClient otlp)
{
    using var big = Http(urls.OtlpHttpEndpoint!, BigTrace());
    (await otlp.SendAsync(big)).EnsureSuccessStatusCode();
    using var ui = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(urls.UiUrl) };
    await ui.GetAsync(new Uri(urls.LoginUrl));
    foreach (var (name, path) in new[] { ("trace list (200 rows)", "/api/traces"), ("trace list, errors only", "/api/traces?error=true"), ("10,000-span trace", $"/api/traces/{new string('f', 32)}") })
    {
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            var body = await ui.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (i == 0)
            {
                Console.Write($"{name,-26} {body.Length / 1024,6} KiB ");
            }
        }

        times.Sort();
        Console.WriteLine($"median {times[times.Count / 2]:F1} ms, max {times[^1]:F1} ms (client-measured, includes JSON)");
    }
}

static HttpRequestMessage Http(string endpoint, byte[] payload)
{
    var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/v1/traces") { Content = new ByteArrayContent(payload) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
    return request;
}

static HttpRequestMessage Grpc(string endpoint, byte[] payload)
{
    var frame = new byte[payload.Length + 5];
    BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
    payload.CopyTo(frame, 5);
    var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/opentelemetry.proto.collector.trace.v1.TraceService/Export")
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new ByteArrayContent(frame),
    };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
    return request;
}

static byte[] Batch(int first, int tracesPerBatch)
{
    var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "bench" } };
    var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    for (var i = 0; i < BatchSize; i++)
    {
        var span = new Span
        {
            TraceId = Id(16, first / BatchSize * tracesPerBatch + (i % tracesPerBatch) + 1),
            SpanId = Id(8, first + i + 1),
            Name = $"GET /items/{i % 50}",
            Kind = Span.Types.SpanKind.Server,
            StartTimeUnixNano = now + (ulong)i * 1000,
            EndTimeUnixNano = now + (ulong)i * 1000 + 5_000_000,
        };
        span.Attributes.Add(new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = "/items/{id}" } });
        span.Attributes.Add(new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 200 } });
        scope.Spans.Add(span);
    }

    return Wrap(scope).ToByteArray();
}

static byte[] BigTrace()
{
    var scope = new ScopeSpans();
    var traceId = ByteString.CopyFrom(Enumerable.Repeat((byte)0xff, 16).ToArray());
    for (var i = 0; i < 10_000; i++)
    {
        scope.Spans.Add(new Span
        {
            TraceId = traceId,
            SpanId = Id(8, 0x7000_0000 + i),
            ParentSpanId = i == 0 ? ByteString.Empty : Id(8, 0x7000_0000 + (i - 1) / 4),
            Name = $"op {i}",
            StartTimeUnixNano = (ulong)(1_000_000_000L + i * 1_000),
            EndTimeUnixNano = (ulong)(1_000_000_000L + i * 1_000 + 500),
        });
    }

    return Wrap(scope).ToByteArray();
}

static ExportTraceServiceRequest Wrap(ScopeSpans scope)
{
    var resource = new ProtoResource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "bench" } } } };
    return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { Resource = resource, ScopeSpans = { scope } } } };
}

static ByteString Id(int length, long value)
{
    var bytes = new byte[length];
    BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(length - 8), value);
    return ByteString.CopyFrom(bytes);
}
