using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// OTLP/gRPC over HTTP/2 without Grpc.AspNetCore: one unary Export per signal. A request is one length-prefixed
/// message (1 byte compressed flag, 4 bytes big-endian length, payload); the reply is one such message followed
/// by <c>grpc-status</c> trailers, or a trailers-only error.
/// </summary>
internal sealed class OtlpGrpcReceiver(OtlpSignals signals, OtlpApiKey apiKey, long maxMessageBytes, ILogger logger)
{
    private const int HeaderLength = 5;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var signal = signals.ByGrpcPath(request.Path.Value);
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (signal is null)
        {
            Fail(context, GrpcStatus.Unimplemented, $"Method {request.Path} is not an OTLP export.");
            return;
        }

        if (!apiKey.IsAuthorized(request))
        {
            Fail(context, GrpcStatus.Unauthenticated, $"Missing or invalid {OtlpApiKey.HeaderName} header.");
            return;
        }

        var encoding = request.Headers["grpc-encoding"].ToString();
        Outcome outcome;
        try
        {
            outcome = await OtlpBody.ReadAsync(request, maxMessageBytes + HeaderLength, body => Parse(signal, body, encoding), context.RequestAborted)
                ?? new Outcome(GrpcStatus.ResourceExhausted, $"The message exceeds the {maxMessageBytes} byte limit.", null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            outcome = new Outcome(GrpcStatus.ResourceExhausted, $"The message exceeds the {maxMessageBytes} byte limit.", null);
        }

        if (outcome.Message is null)
        {
            logger.LogDebug("Rejected OTLP/gRPC {Signal} export: {Reason}", signal.Name, outcome.Error);
            Fail(context, outcome.Status, outcome.Error!);
            return;
        }

        var reply = signal.Export(outcome.Message).ToByteArray();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        var frame = new byte[HeaderLength + reply.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)reply.Length);
        reply.CopyTo(frame, HeaderLength);
        await response.Body.WriteAsync(frame, context.RequestAborted);
        response.AppendTrailer("grpc-status", "0");
    }

    private Outcome Parse(OtlpSignal signal, ReadOnlySequence<byte> body, string encoding)
    {
        if (body.Length < HeaderLength)
        {
            return new Outcome(GrpcStatus.InvalidArgument, "The request holds no gRPC message.", null);
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        body.Slice(0, HeaderLength).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > maxMessageBytes)
        {
            return new Outcome(GrpcStatus.ResourceExhausted, $"The message exceeds the {maxMessageBytes} byte limit.", null);
        }

        if (body.Length != HeaderLength + length)
        {
            return new Outcome(GrpcStatus.InvalidArgument, "A unary export carries exactly one length-prefixed message.", null);
        }

        var payload = body.Slice(HeaderLength);
        if (header[0] == 1)
        {
            if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
            {
                return new Outcome(GrpcStatus.Unimplemented, $"Message compression '{encoding}' is not supported; use gzip or identity.", null);
            }

            if (OtlpBody.Gunzip(payload, maxMessageBytes) is not { } inflated)
            {
                return new Outcome(GrpcStatus.ResourceExhausted, $"The decompressed message exceeds the {maxMessageBytes} byte limit.", null);
            }

            payload = inflated;
        }

        try
        {
            return new Outcome(GrpcStatus.Ok, null, signal.Parse(payload));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Outcome(GrpcStatus.InvalidArgument, $"The message is not a valid OTLP {signal.Name} export: {e.Message}", null);
        }
    }

    private sealed record Outcome(int Status, string? Error, IMessage? Message);

    // Trailers-only response: the status travels in the response headers of a body-less HTTP 200.
    private static void Fail(HttpContext context, int status, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}
