using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Embeddings;

namespace Deploy.EndToEnd.Tests;

/// <summary>Semantic search on the real stack: Api, Redis stream, two embedding workers, Postgres.</summary>
public sealed class DocumentSearchTests(SearchAppFixture app, ITestOutputHelper output) : IClassFixture<SearchAppFixture>, IDisposable
{
    private const int DocumentCount = 500;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Search_500DocumentsWithAWorkerKilledMidBatch_EachEmbeddedOnceAndExpectedDocumentFirst()
    {
        var ids = new long[DocumentCount];
        var posting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, DocumentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var (title, text) = SampleCorpus.Document(i);
            using var response = await PostDocumentAsync(new { title, text }, AppHostProcess.ApiKey);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
        });
        output.WriteLine($"Posted {DocumentCount} documents in {posting.Elapsed.TotalSeconds:F1} s.");

        // Kill a replica while it works: its batch in flight stays pending until the other worker claims it.
        await WaitForEmbeddedAsync(ids, atLeast: 48, TimeSpan.FromSeconds(60));
        var (_, victim) = await app.AppHost.WaitForRunningAsync("embedder-0", TimeSpan.FromSeconds(5));
        var linesBefore = app.AppHost.Lines.Count;
        Process.GetProcessById(victim).Kill();
        var embeddedAtKill = await EmbeddedAsync(ids);
        Assert.True(embeddedAtKill < DocumentCount, "Every document was embedded before the kill; the test did not kill a worker mid-run.");

        var embedding = Stopwatch.StartNew();
        await WaitForEmbeddedAsync(ids, atLeast: DocumentCount, TimeSpan.FromSeconds(120));
        output.WriteLine($"Killed embedder-0 (pid {victim}) at {embeddedAtKill}/{DocumentCount}; the rest took {embedding.Elapsed.TotalSeconds:F1} s.");
        await app.AppHost.WaitForLineAsync(@" embedder-0: Restarting restarts=1 exit=137", TimeSpan.FromSeconds(5), skip: linesBefore);

        // Exactly once: one row per document, none missing, nothing left unacknowledged, and the vectors are the model's.
        var range = $"document_id BETWEEN {ids.Min()} AND {ids.Max()}";
        Assert.Equal(DocumentCount, await app.ScalarAsync<long>($"SELECT count(*) FROM embeddings WHERE {range}"));
        Assert.Equal(DocumentCount, await app.ScalarAsync<long>($"SELECT count(DISTINCT document_id) FROM embeddings WHERE {range}"));
        Assert.True(await app.ScalarAsync<long>($"SELECT count(DISTINCT worker) FROM embeddings WHERE {range}") >= 2);
        Assert.Equal(0, await RespProbe.PendingAsync(app.RedisPort, app.RedisPassword, EmbeddingJobs.Stream, EmbeddingJobs.Group));
        var stored = await app.ScalarAsync<float[]>($"SELECT vector FROM embeddings WHERE document_id = {ids[123]}");
        var expected = new Embedder(new CpuProjection()).Embed(SampleCorpus.Document(123).Text);
        Assert.All(stored.Zip(expected), pair => Assert.InRange(Math.Abs(pair.First - pair.Second), 0, EmbeddingModel.DeviceTolerance));

        // Search: each query names one document's topics, which must rank first.
        foreach (var i in new[] { 0, 1, 123, 250, 377, 499 })
        {
            var result = await _http.GetFromJsonAsync<JsonElement>($"{app.Api}/search?q={Uri.EscapeDataString(SampleCorpus.Query(i))}&k=3");
            var hits = result.GetProperty("results");
            Assert.Equal(3, hits.GetArrayLength());
            Assert.Equal(ids[i], hits[0].GetProperty("id").GetInt64());
            Assert.True(hits[0].GetProperty("score").GetSingle() > hits[1].GetProperty("score").GetSingle());
        }
    }

    [Theory]
    [InlineData("/search?k=3", "q")]
    [InlineData("/search?q=%20%20", "q")]
    [InlineData("/search?q=backup&k=0", "k")]
    [InlineData("/search?q=backup&k=101", "k")]
    [InlineData("/search?q=backup&k=ten", "k")]
    public async Task Search_BadRequest_400WithTheFieldAndRule(string query, string field)
    {
        using var response = await _http.GetAsync(app.Api + query);

        await AssertValidationProblemAsync(response, field);
    }

    [Theory]
    [InlineData("""{"title":"t","text":""}""", "text")]
    [InlineData("""{"title":"t","text":"   "}""", "text")]
    [InlineData("""{"title":"t"}""", "text")]
    [InlineData("""{"title":"t","text":"ok""", "body")]
    public async Task PostDocument_BadBody_400WithTheFieldAndRule(string json, string field)
    {
        using var response = await PostRawAsync(json, AppHostProcess.ApiKey);

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task PostDocument_TextOverLimit_400QuotingTheLimit()
    {
        using var response = await PostDocumentAsync(new { title = "long", text = new string('a', 20_001) }, AppHostProcess.ApiKey);

        var problem = await AssertValidationProblemAsync(response, "text");
        Assert.Contains("20000", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task PostDocument_WithoutValidApiKey_401ProblemAndNothingStored(string? key)
    {
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM documents");

        using var response = await PostDocumentAsync(new { title = "x", text = "unauthorised write" }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.ScalarAsync<long>("SELECT count(*) FROM documents"));
    }

    private static async Task<string> AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field);
        Assert.True(messages.GetArrayLength() > 0 && messages[0].GetString()!.Length > 10, body);
        return body;
    }

    private Task<HttpResponseMessage> PostDocumentAsync(object document, string? key) => PostRawAsync(JsonSerializer.Serialize(document), key);

    private async Task<HttpResponseMessage> PostRawAsync(string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{app.Api}/documents") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await _http.SendAsync(request);
    }

    private Task<long> EmbeddedAsync(long[] ids) =>
        app.ScalarAsync<long>($"SELECT count(*) FROM embeddings WHERE document_id BETWEEN {ids.Min()} AND {ids.Max()}");

    private async Task WaitForEmbeddedAsync(long[] ids, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long embedded;
        while ((embedded = await EmbeddedAsync(ids)) < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {embedded} of {atLeast} documents were embedded in {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
