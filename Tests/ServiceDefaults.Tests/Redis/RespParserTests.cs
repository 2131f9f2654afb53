using System.Buffers;
using System.Text;
using Deploy.ServiceDefaults.Redis;

namespace Deploy.ServiceDefaults.Tests.Redis;

public sealed class RespParserTests
{
    [Fact]
    public void TryParse_Resp3Types_ReadsEach()
    {
        var text = "*7\r\n_\r\n#t\r\n,3.5\r\n(12345678901234567890\r\n=8\r\ntxt:hey!\r\n%1\r\n+k\r\n:7\r\n|1\r\n+meta\r\n+x\r\n+after\r\n";

        Assert.True(RespParser.TryParse(Sequence(text), out var result, out _));

        Assert.Equal(RedisResultType.Array, result.Type);
        Assert.True(result.Items[0].IsNull);
        Assert.Equal(1, result.Items[1].AsInt64());
        Assert.Equal("3.5", result.Items[2].AsString());
        Assert.Equal("12345678901234567890", result.Items[3].AsString());
        Assert.Equal("hey!", result.Items[4].AsString());
        Assert.Equal(RedisResultType.Map, result.Items[5].Type);
        Assert.Equal(7, result.Items[5].Items[1].AsInt64());
        Assert.Equal("after", result.Items[6].AsString());
    }

    [Fact]
    public void TryParse_ReplySplitAcrossSegments_WaitsThenReads()
    {
        const string Full = "*2\r\n$5\r\nhello\r\n$-1\r\n";

        Assert.False(RespParser.TryParse(Sequence(Full[..10]), out _, out _));
        var split = Sequence(Full[..7], Full[7..12], Full[12..] + "+next\r\n");
        Assert.True(RespParser.TryParse(split, out var result, out var consumed));

        Assert.Equal("hello", result.Items[0].AsString());
        Assert.True(result.Items[1].IsNull);
        Assert.Equal("+next\r\n".Length, split.Slice(consumed).Length);
    }

    [Fact]
    public void TryParse_UnknownPrefix_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => RespParser.TryParse(Sequence("?x\r\n"), out _, out _));
    }

    private static ReadOnlySequence<byte> Sequence(params string[] parts)
    {
        if (parts.Length == 1)
        {
            return new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(parts[0]));
        }

        var first = new Segment(Encoding.UTF8.GetBytes(parts[0]), 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(Encoding.UTF8.GetBytes(part));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
