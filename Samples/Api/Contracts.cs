namespace Api;

/// <summary>The body of <c>POST /documents</c>.</summary>
public sealed record NewDocument(string? Title, string? Text);

/// <summary>A stored document, as returned (and cached) by <c>GET /documents/{id}</c>.</summary>
public sealed record Document(long Id, string Title, string Text, DateTimeOffset CreatedAt);

/// <summary>The reply to <c>POST /documents</c>: stored, and queued for embedding.</summary>
public sealed record CreatedDocument(long Id, string Title, string Status, string JobId);

/// <summary>One search hit.</summary>
public sealed record SearchHit(long Id, string Title, float Score, string Snippet);

/// <summary>The reply to <c>GET /search</c>.</summary>
public sealed record SearchResult(string Query, int K, int Searched, IReadOnlyList<SearchHit> Results);

/// <summary>The reply to <c>GET /stats</c>: how far embedding has got.</summary>
public sealed record Stats(long Documents, long Embedded);
