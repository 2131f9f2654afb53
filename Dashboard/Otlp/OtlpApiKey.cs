using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Deploy.Dashboard.Otlp;

/// <summary>
/// The OTLP API key check (header <c>x-otlp-api-key</c>, exactly one value, constant-time compare), matching
/// what Aspire's orchestrator hands to resources in OTEL_EXPORTER_OTLP_HEADERS. Null key = unsecured.
/// </summary>
internal sealed class OtlpApiKey(string? key)
{
    public const string HeaderName = "x-otlp-api-key";

    private readonly byte[]? _key = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);

    public bool IsRequired => _key is not null;

    public bool IsAuthorized(HttpRequest request)
    {
        if (_key is null)
        {
            return true;
        }

        var values = request.Headers[HeaderName];
        return values.Count == 1 && values[0] is { } value
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _key);
    }
}
