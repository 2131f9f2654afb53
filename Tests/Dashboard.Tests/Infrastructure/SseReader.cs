namespace Deploy.Dashboard.Tests.Infrastructure;

/// <summary>Reads server-sent events until one with the wanted name arrives; returns its data line.</summary>
internal static class SseReader
{
    public static async Task<string> NextAsync(StreamReader reader, string eventName, CancellationToken cancellationToken)
    {
        string? current = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                current = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && current == eventName)
            {
                return line["data: ".Length..];
            }
        }

        throw new EndOfStreamException($"The stream ended before a '{eventName}' event.");
    }
}
