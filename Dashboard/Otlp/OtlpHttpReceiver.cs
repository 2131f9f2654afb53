using System.Buffers;
using System.Text;
using Deploy.Dashboard.Otlp.Proto.Rpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP: POST /v1/{traces,logs,metrics} with protobuf or JSON bodies (optionally gzip). Success answers
/// the Export*ServiceResponse; failures answer a google.rpc.Status in the request's encoding, as the spec says.
/// </summary>
internal sealed class OtlpHttpReceiver(OtlpSignals signals, OtlpApiKey apiKey, long maxBodyBytes, ILogger logger)
{
    private const string ProtobufType = "application/x-protobuf";
    private const string JsonType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var signal = signals.ByHttpPath(request.Path.Value);
        if (signal is null)
        {
            await FailAsync(context, StatusCodes.Status404NotFound, "Unknown OTLP path; use /v1/traces, /v1/logs or /v1/metrics.", json: false);
            return;
        }

        var mediaType = MediaType(request.ContentType);
        var json = mediaType == JsonType;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await FailAsync(context, StatusCodes.Status405MethodNotAllowed, "OTLP exports are POST requests.", json);
            return;
        }

        if (!apiKey.IsAuthorized(request))
        {
            await FailAsync(context, StatusCodes.Status401Unauthorized, $"Missing or invalid {OtlpApiKey.HeaderName} header.", json);
            return;
        }

        if (!json && mediaType is not (ProtobufType or "application/protobuf"))
        {
            await FailAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/x-protobuf or application/json.", json: false);
            return;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        var gzip = string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            await FailAsync(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; use gzip or none.", json);
            return;
        }

        Outcome outcome;
        try
        {
            outcome = await OtlpBody.ReadAsync(request, maxBodyBytes, body => Parse(signal, body, json, gzip), context.RequestAborted)
                ?? new Outcome(null, StatusCodes.Status413PayloadTooLarge, $"The request body exceeds the {maxBodyBytes} byte limit.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            outcome = new Outcome(null, StatusCodes.Status413PayloadTooLarge, $"The request body exceeds the {maxBodyBytes} byte limit.");
        }

        if (outcome.Message is null)
        {
            logger.LogDebug("Rejected OTLP/HTTP {Signal} export: {Reason}", signal.Name, outcome.Error);
            await FailAsync(context, outcome.Status, outcome.Error!, json);
            return;
        }

        var response = signal.Export(outcome.Message);
        await WriteAsync(context, StatusCodes.Status200OK, response, json);
    }

    private Outcome Parse(OtlpSignal signal, ReadOnlySequence<byte> body, bool json, bool gzip)
    {
        if (gzip)
        {
            if (OtlpBody.Gunzip(body, maxBodyBytes) is not { } inflated)
            {
                return new Outcome(null, StatusCodes.Status413PayloadTooLarge, $"The decompressed body exceeds the {maxBodyBytes} byte limit.");
            }

            body = inflated;
        }

        try
        {
            return new Outcome(json ? signal.ParseJson(Encoding.UTF8.GetString(body)) : signal.Parse(body), StatusCodes.Status200OK, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any parser failure (bad wire data, bad JSON, too deep nesting, bad gzip) is the sender's error.
            return new Outcome(null, StatusCodes.Status400BadRequest, $"The body is not a valid OTLP {signal.Name} export: {e.Message}");
        }
    }

    private static string? MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static Task FailAsync(HttpContext context, int status, string message, bool json) =>
        WriteAsync(context, status, new Status { Code = GrpcStatusFor(status), Message = message }, json);

    private static async Task WriteAsync(HttpContext context, int status, IMessage message, bool json)
    {
        context.Response.StatusCode = status;
        if (json)
        {
            context.Response.ContentType = JsonType;
            await context.Response.WriteAsync(JsonFormatter.Default.Format(message), context.RequestAborted);
            return;
        }

        context.Response.ContentType = ProtobufType;
        var bytes = message.ToByteArray();
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    // google.rpc.Code values carried in the Status body.
    private static int GrpcStatusFor(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest => 3,
        StatusCodes.Status401Unauthorized => 16,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType => 12,
        StatusCodes.Status413PayloadTooLarge => 8,
        _ => 13,
    };

    private sealed record Outcome(IMessage? Message, int Status, string? Error);
}
