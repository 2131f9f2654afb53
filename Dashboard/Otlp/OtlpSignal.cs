using System.Buffers;
using Google.Protobuf;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// One OTLP signal (traces, logs or metrics) as the receivers see it: where it is posted, how its request is
/// parsed, and how an ingested request becomes the Export*ServiceResponse (with partial success when needed).
/// </summary>
internal abstract class OtlpSignal(string name, string httpPath, string grpcPath)
{
    /// <summary>"traces", "logs" or "metrics".</summary>
    public string Name { get; } = name;

    /// <summary>OTLP/HTTP path, e.g. /v1/traces.</summary>
    public string HttpPath { get; } = httpPath;

    /// <summary>gRPC method path, e.g. /opentelemetry.proto.collector.trace.v1.TraceService/Export.</summary>
    public string GrpcPath { get; } = grpcPath;

    public abstract IMessage Parse(ReadOnlySequence<byte> bytes);

    public abstract IMessage ParseJson(string json);

    /// <summary>Stores the request and returns the response message to send back.</summary>
    public abstract IMessage Export(IMessage request);
}

/// <summary>The typed implementation of <see cref="OtlpSignal"/> for one request/response pair.</summary>
internal sealed class OtlpSignal<TRequest, TResponse>(
    string name,
    string httpPath,
    string grpcPath,
    MessageParser<TRequest> parser,
    Func<TRequest, IngestResult> ingest,
    Func<IngestResult, TResponse> respond) : OtlpSignal(name, httpPath, grpcPath)
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>
{
    // Unknown fields are dropped at parse time: the spec says receivers ignore them, and keeping them costs memory.
    private readonly MessageParser<TRequest> _parser = parser.WithDiscardUnknownFields(true);

    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public override IMessage Parse(ReadOnlySequence<byte> bytes) => _parser.ParseFrom(bytes);

    public override IMessage ParseJson(string json) => Json.Parse<TRequest>(OtlpJson.HexIdsToBase64(json));

    public override IMessage Export(IMessage request) => respond(ingest((TRequest)request));
}
