using System.Globalization;
using Spectre.Console;

namespace Deploy.Hosting.Orchestration;

/// <summary>Shows resource states in the terminal: a live table on a terminal, one line per change otherwise (CI, pipes).</summary>
internal static class ConsoleReporter
{
    public static Task RunAsync(ResourceStateStore states, bool interactive, CancellationToken cancellationToken) =>
        interactive ? RunTableAsync(states, cancellationToken) : RunLinesAsync(states, cancellationToken);

    /// <summary>A live table only on a real terminal; plain lines for pipes, files, CI and dumb terminals.</summary>
    public static bool IsInteractive(string? preference) => preference switch
    {
        "lines" => false,
        "table" => true,
        _ => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null
            && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb",
    };

    public static string Line(ResourceSnapshot s)
    {
        var parts = new List<string> { $"{s.Name}: {s.State}" };
        if (s.Health is not null)
            parts.Add($"({s.Health})");
        if (s.Restarts > 0)
            parts.Add($"restarts={s.Restarts}");
        if (s.ExitCode is { } code && s.State != "Running")
            parts.Add($"exit={code}");
        if (s.Urls.Length > 0)
            parts.Add(string.Join(' ', s.Urls));
        if (s.ProcessId is { } pid)
            parts.Add($"pid={pid}");
        if (s.Reason is not null && s.State != "Running")
            parts.Add($"- {s.Reason}");
        return string.Join(' ', parts);
    }

    private static async Task RunLinesAsync(ResourceStateStore states, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, string>();
        try
        {
            await foreach (var snapshot in states.WatchAsync(cancellationToken))
            {
                var line = Line(snapshot);
                if (last.GetValueOrDefault(snapshot.Name) == line)
                    continue;
                last[snapshot.Name] = line;
                Console.Out.WriteLine($"{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task RunTableAsync(ResourceStateStore states, CancellationToken cancellationToken)
    {
        ConsoleNotices.SetLive(true);
        try
        {
            await AnsiConsole.Live(View(states)).AutoClear(false).StartAsync(async live =>
            {
                try
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        live.UpdateTarget(View(states));
                        live.Refresh();
                        await Task.Delay(200, cancellationToken);
                    }
                }
                catch (OperationCanceledException)
                {
                }

                // The last frame, so the final states stay on screen.
                live.UpdateTarget(View(states));
                live.Refresh();
            });
        }
        finally
        {
            ConsoleNotices.SetLive(false);
        }
    }

    private static Rows View(ResourceStateStore states) =>
        new([BuildTable(states.Snapshots), .. ConsoleNotices.Snapshot().Select(n => new Markup(Markup.Escape(n)))]);

    private static Table BuildTable(IReadOnlyList<ResourceSnapshot> snapshots)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Resource", "Type", "State", "Health", "Restarts", "URL");
        foreach (var s in snapshots)
        {
            var color = s.State switch
            {
                "Running" => "green",
                "Finished" => "grey",
                "FailedToStart" or "Exited" => "red",
                "Restarting" => "yellow",
                _ => "blue",
            };
            var state = s.Reason is not null && s.State != "Running" ? $"{s.State}: {s.Reason}" : s.State;
            table.AddRow(Markup.Escape(s.Name), s.Type, $"[{color}]{Markup.Escape(state)}[/]", s.Health ?? "", s.Restarts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(' ', s.Urls)));
        }

        return table;
    }
}
