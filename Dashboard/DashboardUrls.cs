namespace Deploy.Dashboard;

/// <summary>Where a started dashboard listens.</summary>
/// <param name="UiUrl">Base URL of the UI and API, e.g. http://127.0.0.1:18888.</param>
/// <param name="LoginUrl">UI URL with the browser token: <c>{UiUrl}/login?t={token}</c>; print it for the user.</param>
/// <param name="OtlpHttpEndpoint">OTLP/HTTP base URL (for OTEL_EXPORTER_OTLP_ENDPOINT with http/protobuf), or null when disabled.</param>
/// <param name="OtlpGrpcEndpoint">OTLP/gRPC URL (for OTEL_EXPORTER_OTLP_ENDPOINT with grpc), or null when disabled.</param>
public sealed record DashboardUrls(string UiUrl, string LoginUrl, string? OtlpHttpEndpoint, string? OtlpGrpcEndpoint);
