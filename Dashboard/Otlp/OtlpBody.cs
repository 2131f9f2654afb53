using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// Reads a request body without ever holding more than the configured limit: the body is buffered in the
/// request's pipe (no copy) and refused as soon as it grows past the limit; gzip is inflated with the same cap.
/// </summary>
internal static class OtlpBody
{
    /// <summary>Reads the whole body and hands it to <paramref name="use"/>; null when it exceeds <paramref name="limit"/>.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, long limit, Func<ReadOnlySequence<byte>, T> use, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        PipeReader reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                try
                {
                    return use(buffer);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            // Nothing consumed yet: ask for more data while keeping what has arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Inflates gzip data; null when the inflated size would exceed <paramref name="limit"/>.</summary>
    public static ReadOnlySequence<byte>? Gunzip(ReadOnlySequence<byte> compressed, long limit)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > limit)
                {
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ReadOnlySequence<byte>(output.GetBuffer(), 0, (int)output.Length);
    }
}
