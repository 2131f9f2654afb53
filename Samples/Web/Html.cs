using System.Text;
using System.Text.Encodings.Web;

namespace Web;

/// <summary>Page layout and encoding. Every value from users or the Api goes through <see cref="E"/>.</summary>
public static class Html
{
    /// <summary>HTML-encodes text.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A whole page around <paramref name="body"/> (already HTML).</summary>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var page = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · Deploy docs</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("input,textarea{width:100%;font:inherit;padding:.4rem;box-sizing:border-box}textarea{height:8rem}")
            .Append("button{font:inherit;padding:.4rem 1rem;margin-top:.5rem}.hit{margin:1rem 0}.score{color:#666;font-size:.9em}")
            .Append(".error{color:#a00}nav a{margin-right:1rem}</style></head><body>")
            .Append("<nav><a href=\"/\">Search</a><a href=\"/documents/new\">Add a document</a></nav>")
            .Append("<h1>").Append(E(title)).Append("</h1>").Append(body).Append("</body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>An error paragraph, or nothing.</summary>
    public static string Error(string? message) => message is null ? "" : $"<p class=\"error\" role=\"alert\">{E(message)}</p>";
}
