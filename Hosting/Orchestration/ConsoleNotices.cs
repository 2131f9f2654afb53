using System.Text;

namespace Deploy.Hosting.Orchestration;

/// <summary>One-off messages for the terminal ("no GPU found", "all resources are ready"). While the live table is
/// drawn they are kept and shown under it, since a plain write would tear the table; otherwise they are printed.</summary>
internal static class ConsoleNotices
{
    private static readonly List<string> Lines = [];
    private static readonly Lock Gate = new();
    private static bool _live;

    /// <summary>A writer whose lines become notices (for code that takes a <see cref="TextWriter"/>).</summary>
    public static TextWriter Writer { get; } = new NoticeWriter();

    public static void Write(string line)
    {
        lock (Gate)
        {
            if (_live)
            {
                Lines.Add(line);
                return;
            }
        }

        Console.Out.WriteLine(line);
    }

    /// <summary>Switches between keeping notices for the table (its last frame shows them) and printing them.</summary>
    public static void SetLive(bool live)
    {
        lock (Gate)
        {
            _live = live;
            if (!live)
                Lines.Clear();
        }
    }

    public static IReadOnlyList<string> Snapshot()
    {
        lock (Gate)
            return [.. Lines];
    }

    private sealed class NoticeWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value) => ConsoleNotices.Write(value ?? "");
    }
}
