using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api;
using Deploy.Samples.Tests.TestSupport;
using Embeddings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrationService;

namespace Deploy.Samples.Tests;

/// <summary>The Api in process, on a real PostgreSQL and Redis reached through Aspire's client integrations with the
/// connection strings the AppHost passes.</summary>
public sealed class ApiTests(PostgresServer postgres, RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private const string Key = "test-api-key";

    private DocsDatabase _database = null!;
    private WebApplicationFactory<ApiKeyFilter> _api = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await redis.FlushAsync();
        _database = await DocsDatabase.CreateAsync(postgres);
        await _database.Migrations.ApplyAsync(Migration.LoadEmbedded(), Ct);
        _api = new WebApplicationFactory<ApiKeyFilter>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:docs", _database.ConnectionString)
            .UseSetting("ConnectionStrings:cache", redis.ConnectionString)
            .UseSetting("ApiKey", Key));
        _client = _api.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task PostDocument_MissingOrWrongKey_401(string? key)
    {
        using var response = await PostAsync(new { title = "t", text = "some text" }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDocument_TextTooLong_400NamingFieldAndLimit()
    {
        using var response = await PostAsync(new { title = "t", text = new string('x', Limits.MaxTextLength + 1) }, Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty("text")[0].GetString();
        Assert.Contains(Limits.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostThenGet_StoredQueuedAndCached_MissThenHit()
    {
        using var created = await PostAsync(new { title = "Backups", text = "How to restore a database from a nightly backup" }, Key);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetInt64();

        using var first = await _client.GetAsync(new Uri($"/documents/{id}", UriKind.Relative), Ct);
        using var second = await _client.GetAsync(new Uri($"/documents/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal("miss", Assert.Single(first.Headers.GetValues("X-Cache")));
        Assert.Equal("hit", Assert.Single(second.Headers.GetValues("X-Cache")));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        var ttl = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(DocumentStore.CacheKey(id));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(4), DocumentStore.CacheLifetime);
        var job = Assert.Single(await redis.Connection.GetDatabase().StreamRangeAsync(EmbeddingJobs.Stream));
        Assert.Equal(body.GetProperty("jobId").GetString(), job.Id.ToString());
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), job[EmbeddingJobs.DocumentIdField].ToString());
        Assert.StartsWith("00-", job[EmbeddingJobs.TraceParentField].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDocument_Unknown_404NotCached()
    {
        using var response = await _client.GetAsync(new Uri("/documents/987654", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await redis.Connection.GetDatabase().KeyExistsAsync(DocumentStore.CacheKey(987654)));
    }

    [Fact]
    public async Task SearchAndStats_NothingEmbeddedYet_EmptyResultsAndCounts()
    {
        using var created = await PostAsync(new { title = "", text = "an unembedded document" }, Key);

        var search = await _client.GetFromJsonAsync<JsonElement>(new Uri("/search?q=document&k=3", UriKind.Relative), Ct);
        var stats = await _client.GetFromJsonAsync<JsonElement>(new Uri("/stats", UriKind.Relative), Ct);
        using var badK = await _client.GetAsync(new Uri("/search?q=document&k=0", UriKind.Relative), Ct);

        Assert.Equal(0, search.GetProperty("results").GetArrayLength());
        Assert.Equal(1, stats.GetProperty("documents").GetInt64());
        Assert.Equal(0, stats.GetProperty("embedded").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, badK.StatusCode);
    }

    [Fact]
    public async Task Health_DatabaseAndCacheUp_200()
    {
        using var health = await _client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(object document, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/documents") { Content = JsonContent.Create(document) };
        if (key is not null)
            request.Headers.Add(ApiKeyFilter.HeaderName, key);
        return await _client.SendAsync(request, Ct);
    }
}
