namespace Deploy.Dashboard.Otlp;

/// <summary>What an export stored: the rejected count and reason feed the OTLP partial-success response.</summary>
internal readonly record struct IngestResult(int Accepted, long Rejected, string? ErrorMessage)
{
    public static IngestResult From(int accepted, long rejected, string? firstError) =>
        new(accepted, rejected, rejected == 0 ? null : firstError);
}
