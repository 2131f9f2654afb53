namespace Deploy.ServiceDefaults;

/// <summary>Names of HttpClients that must stay untouched by the client defaults.</summary>
internal static class HttpClientNames
{
    /// <summary>
    /// The OTLP exporter asks the host's IHttpClientFactory for clients named Otlp*Exporter. Retrying or rewriting
    /// them would double the exporter's own retry logic and, worse, trace or resolve the telemetry pipe itself.
    /// </summary>
    public static bool IsTelemetryExporter(string? clientName) =>
        clientName is "OtlpTraceExporter" or "OtlpMetricExporter" or "OtlpLogExporter";
}
