using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>
/// The <c>OTEL_*</c> variables that point a resource's OpenTelemetry SDK at the dashboard, as Aspire's AppHost sets them
/// (see reference/aspire-dashboard.md §6). Run mode only: publishers never see them, because they are added at launch,
/// not to the model.
/// </summary>
/// <param name="Endpoint">The OTLP endpoint URL (gRPC preferred, as in Aspire).</param>
/// <param name="Protocol"><c>grpc</c> or <c>http/protobuf</c>, matching <paramref name="Endpoint"/>.</param>
/// <param name="ApiKey">Value of the <c>x-otlp-api-key</c> header the receiver requires; null when it requires none.</param>
/// <param name="Development">The AppHost runs in Development: short export intervals and no sampling, so the dashboard is live.</param>
public sealed record OtlpEnvironment(string Endpoint, string Protocol, string? ApiKey, bool Development)
{
    /// <summary>The header variable; its value is secret (it carries the API key).</summary>
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";

    /// <summary>Whether a resource gets the variables: projects and executables (containers opt in with Aspire too).</summary>
    public static bool AppliesTo(IResource resource) => resource is ProjectResource or ExecutableResource;

    /// <summary>The variables for one instance of a resource.</summary>
    /// <param name="serviceName">The resource name (OTEL_SERVICE_NAME): the dashboard groups telemetry by it.</param>
    /// <param name="instanceName">The instance name (service.instance.id): tells replicas apart.</param>
    public IReadOnlyList<ResolvedVariable> For(string serviceName, string instanceName)
    {
        var variables = new List<ResolvedVariable>
        {
            new("OTEL_EXPORTER_OTLP_ENDPOINT", Endpoint, false),
            new("OTEL_EXPORTER_OTLP_PROTOCOL", Protocol, false),
            new("OTEL_SERVICE_NAME", serviceName, false),
            new("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instanceName}", false),
        };
        if (ApiKey is not null)
            variables.Add(new(HeadersVariable, $"x-otlp-api-key={ApiKey}", true));
        if (Development)
        {
            // Aspire's development values: export every second and keep every trace, so the pages update while you look.
            variables.Add(new("OTEL_BLRP_SCHEDULE_DELAY", "1000", false));
            variables.Add(new("OTEL_BSP_SCHEDULE_DELAY", "1000", false));
            variables.Add(new("OTEL_METRIC_EXPORT_INTERVAL", "1000", false));
            variables.Add(new("OTEL_TRACES_SAMPLER", "always_on", false));
            variables.Add(new("OTEL_METRICS_EXEMPLAR_FILTER", "trace_based", false));
        }

        return variables;
    }
}
