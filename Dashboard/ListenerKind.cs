namespace Deploy.Dashboard;

/// <summary>
/// Which listener a connection arrived on. Each port serves one kind of traffic only: OTLP ports never serve
/// the UI or API (so the browser cookie is never needed there), and the UI port never accepts telemetry.
/// </summary>
internal enum ListenerKind
{
    Frontend,
    OtlpHttp,
    OtlpGrpc,
}

/// <summary>Connection feature carrying the <see cref="ListenerKind"/>, set by connection middleware per listener.</summary>
internal sealed record ListenerKindFeature(ListenerKind Kind);
