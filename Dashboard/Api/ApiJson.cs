using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Api;

/// <summary>JSON settings of the API: web defaults (camelCase), enums as camelCase text, nulls omitted.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static double Ms(long unixNano) => unixNano / 1_000_000.0;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }

    public static TelemetryResourceDto ToDto(this TelemetryResource resource) =>
        new(resource.Key, resource.Name, resource.InstanceId, resource.Attributes);
}
