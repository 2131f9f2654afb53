using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Web;

/// <summary>The pages: search (home), a document, and the form to add one.</summary>
public static class WebEndpoints
{
    /// <summary>Maps the pages.</summary>
    public static void MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", SearchPageAsync);
        app.MapGet("/documents/{id:long}", DocumentPageAsync);
        app.MapGet("/documents/new", (HttpContext context, IAntiforgery antiforgery) => Html.Page("Add a document", Form(context, antiforgery, null, "", "")));
        // [FromForm] binding makes the antiforgery middleware validate the token: no cross-site form can post here.
        app.MapPost("/documents", AddAsync);
    }

    private static async Task<IResult> SearchPageAsync(string? q, ApiClient api, CancellationToken ct)
    {
        var stats = await api.StatsAsync(ct);
        var body = new StringBuilder()
            .Append("<form method=\"get\" action=\"/\"><input name=\"q\" placeholder=\"Search by meaning…\" value=\"").Append(Html.E(q)).Append("\" autofocus>")
            .Append("<button>Search</button></form>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"score\">{stats.GetProperty("documents").GetInt64()} documents, {stats.GetProperty("embedded").GetInt64()} embedded.</p>");
        if (!string.IsNullOrWhiteSpace(q))
        {
            var (result, error) = await api.SearchAsync(q, 10, ct);
            body.Append(Html.Error(error));
            if (result is { } found)
            {
                var hits = found.GetProperty("results");
                if (hits.GetArrayLength() == 0)
                    body.Append("<p>No embedded documents yet.</p>");
                foreach (var hit in hits.EnumerateArray())
                {
                    body.Append(CultureInfo.InvariantCulture, $"<div class=\"hit\"><a href=\"/documents/{hit.GetProperty("id").GetInt64()}\">")
                        .Append(Html.E(Title(hit))).Append("</a> <span class=\"score\">")
                        .Append(hit.GetProperty("score").GetSingle().ToString("F3", CultureInfo.InvariantCulture)).Append("</span><br>")
                        .Append(Html.E(hit.GetProperty("snippet").GetString())).Append("</div>");
                }
            }
        }

        return Html.Page("Search", body.ToString());
    }

    private static async Task<IResult> DocumentPageAsync(long id, ApiClient api, CancellationToken ct)
    {
        if (await api.GetDocumentAsync(id, ct) is not { } document)
            return Html.Page("Not found", $"<p>Document {id} does not exist.</p>", StatusCodes.Status404NotFound);
        var body = $"<p class=\"score\">#{id}, added {Html.E(document.GetProperty("createdAt").GetString())}</p><p style=\"white-space:pre-wrap\">{Html.E(document.GetProperty("text").GetString())}</p>";
        return Html.Page(Title(document), body);
    }

    private static async Task<IResult> AddAsync([FromForm] string? title, [FromForm] string? text, HttpContext context, IAntiforgery antiforgery,
        ApiClient api, CancellationToken ct)
    {
        var (created, error) = await api.AddDocumentAsync(title ?? "", text ?? "", ct);
        if (created is { } document)
            return Results.Redirect($"/documents/{document.GetProperty("id").GetInt64()}");
        return Html.Page("Add a document", Form(context, antiforgery, error, title, text), StatusCodes.Status400BadRequest);
    }

    private static string Form(HttpContext context, IAntiforgery antiforgery, string? error, string? title, string? text)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html.Error(error) +
            "<form method=\"post\" action=\"/documents\">" +
            $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">" +
            $"<label>Title<input name=\"title\" maxlength=\"200\" value=\"{Html.E(title)}\"></label>" +
            $"<label>Text<textarea name=\"text\" required>{Html.E(text)}</textarea></label>" +
            "<button>Add</button></form>";
    }

    private static string Title(System.Text.Json.JsonElement document) =>
        document.GetProperty("title").GetString() is { Length: > 0 } title ? title : $"Document {document.GetProperty("id").GetInt64()}";
}
