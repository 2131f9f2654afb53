using System.Text.Json;
using System.Text.Json.Serialization;
using Deploy.Dashboard.Resources;

namespace Deploy.Dashboard.Api;

/// <summary>
/// Source-generated serializers for the API's shapes: the 10,000-span trace and full log pages are the hot answers,
/// and generated code serializes them without reflection. Anything not listed falls back to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TraceDetailDto))]
[JsonSerializable(typeof(IEnumerable<TraceListItemDto>))]
[JsonSerializable(typeof(LogPage))]
[JsonSerializable(typeof(IEnumerable<TelemetryResourceDto>))]
[JsonSerializable(typeof(IEnumerable<InstrumentDto>))]
[JsonSerializable(typeof(MetricSeriesResponse))]
[JsonSerializable(typeof(IEnumerable<ResourceView>))]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(ResourceCommandResult))]
[JsonSerializable(typeof(IEnumerable<ConsoleLogLine>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
