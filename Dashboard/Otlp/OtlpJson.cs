using System.Text.Json.Nodes;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// OTLP/JSON differs from the standard protobuf JSON mapping in one way that matters: trace and span ids are
/// hex strings, not base64. This rewrites them so Google.Protobuf's JsonParser can read the body.
/// </summary>
internal static class OtlpJson
{
    private static readonly HashSet<string> IdFields = new(StringComparer.Ordinal) { "traceId", "spanId", "parentSpanId" };

    public static string HexIdsToBase64(string json)
    {
        var root = JsonNode.Parse(json);
        if (root is null)
        {
            return json;
        }

        Rewrite(root);
        return root.ToJsonString();
    }

    private static void Rewrite(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToArray())
                {
                    if (value is JsonValue text && IdFields.Contains(key) && text.TryGetValue<string>(out var hex) && IsHex(hex))
                    {
                        obj[key] = Convert.ToBase64String(Convert.FromHexString(hex));
                    }
                    else if (value is not null)
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item);
                    }
                }

                break;
        }
    }

    private static bool IsHex(string value) => value.Length % 2 == 0 && value.Length > 0 && value.All(char.IsAsciiHexDigit);
}
