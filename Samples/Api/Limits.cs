namespace Api;

/// <summary>Input limits; the validation messages quote them, so a client learns the rule from the 400.</summary>
public static class Limits
{
    /// <summary>Longest document text, in characters.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Longest title, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest query, in characters.</summary>
    public const int MaxQueryLength = 1_000;

    /// <summary>Most results one search returns.</summary>
    public const int MaxK = 100;

    /// <summary>Results when <c>k</c> is not given.</summary>
    public const int DefaultK = 5;

    /// <summary>Largest request body Kestrel accepts (413 above it): the text limit in UTF-8 plus JSON overhead.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>Errors of a new document, by field; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(NewDocument document)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(document.Text))
            errors["text"] = ["Text is required and must contain more than white space."];
        else if (document.Text.Length > MaxTextLength)
            errors["text"] = [$"Text is {document.Text.Length} characters; the limit is {MaxTextLength}."];
        if (document.Title is { Length: > MaxTitleLength })
            errors["title"] = [$"Title is {document.Title.Length} characters; the limit is {MaxTitleLength}."];
        return errors;
    }

    /// <summary>Errors of a search request, by parameter; empty when valid.</summary>
    public static Dictionary<string, string[]> ValidateSearch(string? query, string? k, out int count)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query))
            errors["q"] = ["The query 'q' is required and must contain more than white space."];
        else if (query.Length > MaxQueryLength)
            errors["q"] = [$"The query is {query.Length} characters; the limit is {MaxQueryLength}."];

        count = DefaultK;
        if (k is not null && (!int.TryParse(k, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxK))
            errors["k"] = [$"'k' must be a whole number from 1 to {MaxK}; got '{k}'."];
        return errors;
    }
}
