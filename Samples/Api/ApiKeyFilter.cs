using System.Security.Cryptography;
using System.Text;

namespace Api;

/// <summary>Writes need the <c>api-key</c> secret parameter (configuration <c>ApiKey</c>) in the <c>X-Api-Key</c>
/// header; anything else gets 401 with a problem-details body saying what to send.</summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    private readonly byte[] _expected;

    /// <summary>Reads the key once.</summary>
    /// <exception cref="InvalidOperationException">No key is configured: refusing every write silently would look like a bug.</exception>
    public ApiKeyFilter(IConfiguration configuration)
    {
        var key = configuration["ApiKey"];
        if (string.IsNullOrEmpty(key))
            throw new InvalidOperationException("The configuration value 'ApiKey' is missing; the AppHost passes the 'api-key' parameter as ApiKey.");
        _expected = Encoding.UTF8.GetBytes(key);
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        // Constant-time comparison: the response time must not reveal how much of a guessed key was right.
        if (presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
            return await next(context);

        context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + HeaderName + "\"";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: presented.Length == 0 ? "An API key is required." : "The API key is not valid.",
            detail: $"Send the 'api-key' parameter of the AppHost in the {HeaderName} header.");
    }
}
