using System.Globalization;

namespace Deploy.ServiceDefaults.Redis;

/// <summary>Stream and consumer-group commands.</summary>
public sealed partial class RedisClient
{
    /// <summary>XADD with an auto-generated id; returns the new entry's id.</summary>
    public async Task<string> StreamAddAsync(string stream, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count, nameof(fields));
        var args = new string[3 + (fields.Count * 2)];
        args[0] = "XADD";
        args[1] = stream;
        args[2] = "*";
        for (var i = 0; i < fields.Count; i++)
        {
            args[3 + (i * 2)] = fields[i].Key;
            args[4 + (i * 2)] = fields[i].Value;
        }

        return (await ExecuteCoreAsync(args, null, cancellationToken)).AsString()!;
    }

    /// <summary>XGROUP CREATE; returns false if the group already existed (BUSYGROUP is not an error here).</summary>
    public async Task<bool> StreamCreateGroupAsync(string stream, string group, string startId = "0", bool mkStream = true, CancellationToken cancellationToken = default)
    {
        string[] args = mkStream
            ? ["XGROUP", "CREATE", stream, group, startId, "MKSTREAM"]
            : ["XGROUP", "CREATE", stream, group, startId];
        try
        {
            await ExecuteCoreAsync(args, null, cancellationToken);
            return true;
        }
        catch (RedisException ex) when (ex.ErrorCode == "BUSYGROUP")
        {
            return false;
        }
    }

    /// <summary>
    /// XREADGROUP of new entries (<c>&gt;</c>) for <paramref name="consumer"/>. <paramref name="block"/>: <c>null</c> or
    /// zero returns at once; a positive value waits up to that long; <see cref="Timeout.InfiniteTimeSpan"/> waits until an
    /// entry arrives or <paramref name="cancellationToken"/> fires. Returns an empty list when nothing arrived.
    /// </summary>
    public async Task<IReadOnlyList<StreamEntry>> StreamReadGroupAsync(
        string stream, string group, string consumer, int count, TimeSpan? block = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var countText = count.ToString(CultureInfo.InvariantCulture);
        string[] args;
        TimeSpan? extraTimeout = null;
        if (block is { } wait && (wait > TimeSpan.Zero || wait == Timeout.InfiniteTimeSpan))
        {
            // Redis reads BLOCK 0 as "forever".
            var blockText = wait == Timeout.InfiniteTimeSpan ? "0" : Milliseconds(wait);
            args = ["XREADGROUP", "GROUP", group, consumer, "COUNT", countText, "BLOCK", blockText, "STREAMS", stream, ">"];
            extraTimeout = wait;
        }
        else
        {
            args = ["XREADGROUP", "GROUP", group, consumer, "COUNT", countText, "STREAMS", stream, ">"];
        }

        var reply = await ExecuteCoreAsync(args, extraTimeout, cancellationToken);
        if (reply.IsNull)
        {
            return [];
        }

        // RESP2: [[name, entries]]; RESP3: {name: entries}.
        if (reply.Type == RedisResultType.Map)
        {
            return reply.Items.Count >= 2 ? ParseEntries(reply.Items[1]) : [];
        }

        return reply.Items.Count > 0 && reply.Items[0].Items.Count >= 2 ? ParseEntries(reply.Items[0].Items[1]) : [];
    }

    /// <summary>XACK of one entry; returns true if it was pending.</summary>
    public async Task<bool> StreamAckAsync(string stream, string group, string id, CancellationToken cancellationToken = default) =>
        await StreamAckAsync(stream, group, [id], cancellationToken) > 0;

    /// <summary>XACK of several entries; returns how many were pending.</summary>
    public async Task<long> StreamAckAsync(string stream, string group, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ids.Count, nameof(ids));
        var args = new string[3 + ids.Count];
        args[0] = "XACK";
        args[1] = stream;
        args[2] = group;
        for (var i = 0; i < ids.Count; i++)
        {
            args[3 + i] = ids[i];
        }

        return (await ExecuteCoreAsync(args, null, cancellationToken)).AsInt64();
    }

    /// <summary>
    /// XAUTOCLAIM: moves entries pending longer than <paramref name="minIdle"/> (for any consumer) to
    /// <paramref name="consumer"/>, scanning from <paramref name="startId"/>.
    /// </summary>
    public async Task<StreamAutoClaimResult> StreamAutoClaimAsync(
        string stream, string group, string consumer, TimeSpan minIdle, string startId = "0-0", int count = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var reply = await ExecuteCoreAsync(
            ["XAUTOCLAIM", stream, group, consumer, Milliseconds(minIdle), startId, "COUNT", count.ToString(CultureInfo.InvariantCulture)],
            null,
            cancellationToken);
        var items = reply.Items;
        var next = items.Count > 0 ? items[0].AsString() ?? "0-0" : "0-0";
        var entries = items.Count > 1 ? ParseEntries(items[1]) : [];
        // The third element (deleted ids) exists from Redis 7.0.
        var deleted = items.Count > 2 ? items[2].Items.Select(i => i.AsString()!).ToArray() : [];
        return new StreamAutoClaimResult(next, entries, deleted);
    }

    /// <summary>XPENDING summary: how many entries the group has delivered but not acknowledged.</summary>
    public async Task<long> StreamPendingCountAsync(string stream, string group, CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteCoreAsync(["XPENDING", stream, group], null, cancellationToken);
        return reply.Items.Count > 0 ? reply.Items[0].AsInt64() : 0;
    }

    private static List<StreamEntry> ParseEntries(RedisResult entries)
    {
        var list = new List<StreamEntry>(entries.Items.Count);
        foreach (var entry in entries.Items)
        {
            // Before Redis 7, entries deleted while pending come back as nil or with nil fields.
            if (entry.IsNull || entry.Items.Count < 2)
            {
                continue;
            }

            var raw = entry.Items[1].Items;
            var fields = new KeyValuePair<string, string>[raw.Count / 2];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = new(raw[2 * i].AsString() ?? string.Empty, raw[(2 * i) + 1].AsString() ?? string.Empty);
            }

            list.Add(new StreamEntry(entry.Items[0].AsString()!, fields));
        }

        return list;
    }
}
