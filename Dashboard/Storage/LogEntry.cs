namespace Deploy.Dashboard.Storage;

/// <summary>A stored structured log record.</summary>
/// <param name="SeverityNumber">OTLP severity 1..24 (0 = unspecified); see <see cref="LogLevels"/>.</param>
internal sealed record LogEntry(
    TelemetryResource Resource,
    string Scope,
    long TimeUnixNano,
    int SeverityNumber,
    string SeverityText,
    string Body,
    TelemetryAttribute[] Attributes,
    string? TraceId,
    string? SpanId,
    string? EventName)
{
    /// <summary>Arrival sequence, assigned by the store under its lock so it increases in buffer order; used for paging and live tails.</summary>
    public long Id { get; set; }

    public bool ContainsText(string text)
    {
        if (Body.Contains(text, StringComparison.OrdinalIgnoreCase)
            || Scope.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var attribute in Attributes)
        {
            if (attribute.Value.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
