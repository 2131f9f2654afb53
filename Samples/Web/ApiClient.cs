using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Web;

/// <summary>The Api, reached as <c>http://api</c>: service discovery resolves the name from <c>services__api__http__0</c>,
/// and the service defaults' resilience handler retries transient failures.</summary>
public sealed class ApiClient(HttpClient http, IConfiguration configuration)
{
    /// <summary>Search hits, or the Api's validation message.</summary>
    public async Task<(JsonElement? Result, string? Error)> SearchAsync(string query, int k, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/search?q={Uri.EscapeDataString(query)}&k={k}", cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>A document, or <c>null</c> when it does not exist.</summary>
    public async Task<JsonElement?> GetDocumentAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/documents/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    /// <summary>Stores a document through the Api (with the api-key), or returns the Api's validation message.</summary>
    public async Task<(JsonElement? Result, string? Error)> AddDocumentAsync(string title, string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/documents") { Content = JsonContent.Create(new { title, text }) };
        request.Headers.Add("X-Api-Key", configuration["ApiKey"]);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Documents stored and embedded so far.</summary>
    public async Task<JsonElement> StatsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<JsonElement>("/stats", cancellationToken);

    // 4xx replies are problem details: show the client what the Api said rather than a generic failure.
    private static async Task<(JsonElement?, string?)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), null);
        if ((int)response.StatusCode is < 400 or >= 500)
            response.EnsureSuccessStatusCode();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var messages = new List<string>();
        if (problem.TryGetProperty("errors", out var errors))
            messages.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "")));
        if (messages.Count == 0 && problem.TryGetProperty("title", out var title))
            messages.Add(title.GetString() ?? response.ReasonPhrase ?? "");
        return (null, string.Join(" ", messages));
    }
}
