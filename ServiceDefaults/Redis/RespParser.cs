using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>Parses one RESP2 or RESP3 reply from buffered bytes.</summary>
internal static class RespParser
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>
    /// Tries to read one complete reply. Returns false (and consumes nothing) when more bytes are needed,
    /// so the caller can simply wait for more data and retry from the same start.
    /// </summary>
    public static bool TryParse(ReadOnlySequence<byte> buffer, out RedisResult result, out SequencePosition consumed)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (TryRead(ref reader, out result))
        {
            consumed = reader.Position;
            return true;
        }

        consumed = buffer.Start;
        return false;
    }

    private static bool TryRead(ref SequenceReader<byte> reader, out RedisResult result)
    {
        result = RedisResult.Null;
        if (!reader.TryRead(out var prefix) || !reader.TryReadTo(out ReadOnlySequence<byte> line, CrLf))
        {
            return false;
        }

        switch ((char)prefix)
        {
            case '+':
                result = RedisResult.Text(RedisResultType.SimpleString, Decode(line));
                return true;
            case '-':
                result = RedisResult.Text(RedisResultType.Error, Decode(line));
                return true;
            case ':':
                result = RedisResult.Integer(ParseInteger(line));
                return true;
            case ',' or '(':
                result = RedisResult.Text(RedisResultType.RealNumber, Decode(line));
                return true;
            case '#':
                result = RedisResult.Text(RedisResultType.Boolean, Decode(line));
                return true;
            case '_':
                return true;
            case '$' or '!' or '=':
                return TryReadBulk(ref reader, (char)prefix, ParseInteger(line), out result);
            case '*' or '~' or '>':
                return TryReadAggregate(ref reader, RedisResultType.Array, ParseInteger(line), out result);
            case '%':
                return TryReadAggregate(ref reader, RedisResultType.Map, ParseInteger(line) * 2, out result);
            case '|':
                // RESP3 attributes annotate the reply that follows; skip them and return that reply.
                return TryReadAggregate(ref reader, RedisResultType.Map, ParseInteger(line) * 2, out _)
                    && TryRead(ref reader, out result);
            default:
                throw new InvalidDataException($"Unexpected RESP type byte 0x{prefix:x2} from the Redis server.");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, char prefix, long length, out RedisResult result)
    {
        result = RedisResult.Null;
        if (length < 0)
        {
            return true;
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var payload = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length + 2);
        var text = Decode(payload);
        result = prefix switch
        {
            '!' => RedisResult.Text(RedisResultType.Error, text),
            // Verbatim strings start with a three-letter format and a colon ("txt:").
            '=' => RedisResult.Text(RedisResultType.BulkString, text.Length >= 4 ? text[4..] : text),
            _ => RedisResult.Text(RedisResultType.BulkString, text),
        };
        return true;
    }

    private static bool TryReadAggregate(ref SequenceReader<byte> reader, RedisResultType type, long count, out RedisResult result)
    {
        result = RedisResult.Null;
        if (count < 0)
        {
            return true;
        }

        var items = new RedisResult[count];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryRead(ref reader, out items[i]))
            {
                return false;
            }
        }

        result = RedisResult.Aggregate(type, items);
        return true;
    }

    private static long ParseInteger(ReadOnlySequence<byte> line)
    {
        Span<byte> copy = stackalloc byte[24];
        var span = line.IsSingleSegment ? line.FirstSpan : Copy(line, copy);
        return Utf8Parser.TryParse(span, out long value, out var used) && used == span.Length
            ? value
            : throw new InvalidDataException("The Redis server sent a malformed integer.");
    }

    private static ReadOnlySpan<byte> Copy(ReadOnlySequence<byte> line, Span<byte> destination)
    {
        if (line.Length > destination.Length)
        {
            throw new InvalidDataException("The Redis server sent an integer that is too long.");
        }

        line.CopyTo(destination);
        return destination[..(int)line.Length];
    }

    private static string Decode(ReadOnlySequence<byte> bytes) =>
        bytes.IsSingleSegment ? Encoding.UTF8.GetString(bytes.FirstSpan) : Encoding.UTF8.GetString(in bytes);
}
