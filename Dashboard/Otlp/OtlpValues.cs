using System.Globalization;
using System.Text;
using Deploy.Dashboard.Otlp.Proto.Common;
using Deploy.Dashboard.Storage;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace Deploy.Dashboard.Otlp;

/// <summary>Conversions shared by the signal ingesters: ids to hex, attributes to bounded text, resources to keys.</summary>
internal static class OtlpValues
{
    /// <summary>The spec's fallback when a resource has no service.name.</summary>
    public const string UnknownService = "unknown_service";

    public static TelemetryResource Resource(
        TelemetryStore store, Proto.Resource.Resource? resource)
    {
        string? name = null;
        string? instance = null;
        if (resource is not null)
        {
            foreach (var attribute in resource.Attributes)
            {
                if (attribute.Key == "service.name")
                {
                    name = attribute.Value?.StringValue;
                }
                else if (attribute.Key == "service.instance.id")
                {
                    instance = attribute.Value?.StringValue;
                }
            }
        }

        return store.Resources.GetOrAdd(
            string.IsNullOrEmpty(name) ? UnknownService : name,
            string.IsNullOrEmpty(instance) ? null : instance,
            () => Attributes(resource?.Attributes, store.Limits));
    }

    /// <summary>Hex of an id of exactly <paramref name="length"/> bytes; null when empty or all zero; false when malformed.</summary>
    public static bool TryId(ByteString bytes, int length, out string? hex)
    {
        hex = null;
        if (bytes.IsEmpty)
        {
            return true;
        }

        if (bytes.Length != length)
        {
            return false;
        }

        var span = bytes.Span;
        if (!span.ContainsAnyExcept((byte)0))
        {
            return true;
        }

        hex = Convert.ToHexStringLower(span);
        return true;
    }

    public static TelemetryAttribute[] Attributes(RepeatedField<KeyValue>? source, TelemetryLimits limits)
    {
        if (source is null || source.Count == 0)
        {
            return [];
        }

        var count = Math.Min(source.Count, limits.MaxAttributeCount);
        var result = new TelemetryAttribute[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new TelemetryAttribute(source[i].Key, Text(source[i].Value, limits.MaxAttributeLength));
        }

        return result;
    }

    public static string Text(AnyValue? value, int maxLength)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var text = value.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
            AnyValue.ValueOneofCase.None => string.Empty,
            _ => Structured(value, maxLength),
        };
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");
    }

    public static long Nanos(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;

    // Arrays and maps render as compact JSON-like text; building stops at the length bound so a huge
    // nested value cannot allocate more than the limit.
    private static string Structured(AnyValue value, int maxLength)
    {
        var builder = new StringBuilder();
        Append(builder, value, maxLength);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, AnyValue? value, int maxLength)
    {
        if (builder.Length > maxLength || value is null)
        {
            return;
        }

        switch (value.ValueCase)
        {
            case AnyValue.ValueOneofCase.ArrayValue:
                builder.Append('[');
                for (var i = 0; i < value.ArrayValue.Values.Count && builder.Length <= maxLength; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    Append(builder, value.ArrayValue.Values[i], maxLength);
                }

                builder.Append(']');
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                builder.Append('{');
                for (var i = 0; i < value.KvlistValue.Values.Count && builder.Length <= maxLength; i++)
                {
                    var pair = value.KvlistValue.Values[i];
                    builder.Append(i == 0 ? "\"" : ",\"").Append(pair.Key).Append("\":");
                    Append(builder, pair.Value, maxLength);
                }

                builder.Append('}');
                break;
            case AnyValue.ValueOneofCase.StringValue:
                builder.Append('"').Append(value.StringValue).Append('"');
                break;
            default:
                builder.Append(Text(value, maxLength));
                break;
        }
    }
}
