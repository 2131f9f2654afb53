using System.Text.Json;

namespace Api;

/// <summary>The Api's routes.</summary>
public static class DocumentEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps <c>/documents</c>, <c>/search</c> and <c>/stats</c>.</summary>
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/documents", CreateAsync).AddEndpointFilter<ApiKeyFilter>();
        app.MapGet("/documents/{id:long}", GetAsync);
        app.MapGet("/search", SearchAsync);
        app.MapGet("/stats", (DocumentStore store, CancellationToken ct) => store.StatsAsync(ct));
    }

    // The body is read by hand: the framework's binder answers malformed JSON with an empty 400, and the client
    // deserves to be told what is wrong.
    private static async Task<IResult> CreateAsync(HttpRequest request, DocumentStore store, EmbeddingQueue queue, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the document as JSON.",
                detail: "Use 'Content-Type: application/json' with a body like {\"title\": \"...\", \"text\": \"...\"}.");
        NewDocument? document;
        try
        {
            document = await request.ReadFromJsonAsync<NewDocument>(Json, ct);
        }
        catch (JsonException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON for a document: {e.Message}"] });
        }

        if (document is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object with a 'text' property."] });
        var errors = Limits.Validate(document);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var stored = await store.AddAsync(document.Title?.Trim() ?? "", document.Text!, ct);
        var job = await queue.EnqueueAsync(stored.Id);
        return Results.Created($"/documents/{stored.Id}", new CreatedDocument(stored.Id, stored.Title, "queued", job));
    }

    private static async Task<IResult> GetAsync(long id, DocumentStore store, HttpResponse response, CancellationToken ct)
    {
        var (json, cached) = await store.GetJsonAsync(id, ct);
        response.Headers["X-Cache"] = cached ? "hit" : "miss";
        return json is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Document {id} does not exist.")
            : Results.Text(json, "application/json");
    }

    private static async Task<IResult> SearchAsync(string? q, string? k, Embeddings.Embedder embedder, VectorIndex index, CancellationToken ct)
    {
        var errors = Limits.ValidateSearch(q, k, out var count);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);
        var (hits, searched) = await index.SearchAsync(embedder.Embed(q!), count, ct);
        return Results.Ok(new SearchResult(q!, count, searched, hits));
    }
}
