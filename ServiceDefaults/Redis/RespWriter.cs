using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>Writes commands as RESP arrays of bulk strings, the form every Redis version accepts.</summary>
internal static class RespWriter
{
    // Prefix byte + up to 20 digits of a length + CRLF.
    private const int MaxHeader = 1 + 20 + 2;

    public static void WriteCommand(IBufferWriter<byte> writer, IReadOnlyList<string> args)
    {
        WriteHeader(writer, (byte)'*', args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var byteCount = Encoding.UTF8.GetByteCount(arg);
            WriteHeader(writer, (byte)'$', byteCount);
            var span = writer.GetSpan(byteCount + 2);
            var written = Encoding.UTF8.GetBytes(arg, span);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            writer.Advance(written + 2);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> writer, byte prefix, int value)
    {
        var span = writer.GetSpan(MaxHeader);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var digits);
        span[1 + digits] = (byte)'\r';
        span[2 + digits] = (byte)'\n';
        writer.Advance(digits + 3);
    }
}
