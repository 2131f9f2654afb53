namespace Deploy.Dashboard.Storage;

/// <summary>
/// Maps between OTLP severity numbers (1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal)
/// and the level names the UI and the API use.
/// </summary>
internal static class LogLevels
{
    private static readonly string[] Names = ["trace", "debug", "information", "warning", "error", "critical"];

    public static string Name(int severityNumber) =>
        severityNumber <= 0 ? "unspecified" : Names[Math.Min(5, (severityNumber - 1) / 4)];

    /// <summary>Lowest severity number of a level name (or of a number given as text); 0 when empty or unknown.</summary>
    public static int MinSeverity(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            return 0;
        }

        if (int.TryParse(level, out var number))
        {
            return Math.Clamp(number, 0, 24);
        }

        var normalized = level.Trim().ToLowerInvariant() switch
        {
            "info" => "information",
            "warn" => "warning",
            "fatal" => "critical",
            var other => other,
        };
        var index = Array.IndexOf(Names, normalized);
        return index < 0 ? 0 : (index * 4) + 1;
    }
}
