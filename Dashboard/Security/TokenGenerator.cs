using System.Security.Cryptography;

namespace Deploy.Dashboard.Security;

/// <summary>Random secrets for browser tokens, OTLP keys and session cookies (Aspire uses 16 random bytes as hex too).</summary>
public static class TokenGenerator
{
    /// <summary>A new random token: <paramref name="bytes"/> cryptographically random bytes as lowercase hex.</summary>
    public static string Create(int bytes = 16) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
