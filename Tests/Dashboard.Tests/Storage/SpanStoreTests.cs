using Deploy.Dashboard.Storage;
using static Deploy.Dashboard.Tests.Storage.StoreBuilders;

namespace Deploy.Dashboard.Tests.Storage;

public sealed class SpanStoreTests
{
    private static readonly TelemetryResource Api = Resource("api");
    private static readonly TelemetryResource Web = Resource("web", "x1");

    [Fact]
    public void AddRange_PastCapacity_DropsOldestSpansAndKeepsCountFlat()
    {
        var store = new SpanStore(maxSpans: 100);
        for (var batch = 0; batch < 50; batch++)
        {
            store.AddRange([.. Enumerable.Range(0, 10).Select(i => Span(Api, $"t{batch}", $"s{i}"))]);
            Assert.True(store.Count <= 100);
        }

        Assert.Equal(100, store.Count);
        Assert.Equal(10, store.TraceCount); // the 10 newest traces of 10 spans each
        Assert.Null(store.GetTrace("t0"));
        Assert.Equal(10, store.GetTrace("t49")!.Count);
    }

    [Fact]
    public void AddRange_EvictsPartOfATrace_TraceKeepsRemainingSpans()
    {
        var store = new SpanStore(maxSpans: 3);
        store.AddRange([Span(Api, "a", "1"), Span(Api, "a", "2")]);
        store.AddRange([Span(Api, "b", "1"), Span(Api, "b", "2")]);

        Assert.Equal(["2"], store.GetTrace("a")!.Select(s => s.SpanId));
        Assert.Equal(2, store.GetTrace("b")!.Count);
    }

    [Fact]
    public void QueryTraces_ErrorsOnly_ReturnsOnlyTracesWithErrorSpans()
    {
        var store = new SpanStore(100);
        store.AddRange([Span(Api, "ok", "1"), Span(Api, "bad", "1"), Span(Api, "bad", "2", "1", status: SpanStatus.Error)]);

        var traces = store.QueryTraces(new TraceQuery(ErrorsOnly: true));

        var trace = Assert.Single(traces);
        Assert.Equal("bad", trace.TraceId);
        Assert.Equal(1, trace.ErrorCount);
    }

    [Fact]
    public void QueryTraces_MinDuration_UsesWholeTraceExtent()
    {
        var store = new SpanStore(100);
        store.AddRange([Span(Api, "short", "1", durationMs: 5), Span(Api, "long", "1", startMs: 0, durationMs: 10), Span(Api, "long", "2", "1", startMs: 40, durationMs: 60)]);

        var traces = store.QueryTraces(new TraceQuery(MinDurationMs: 50));

        Assert.Equal(["long"], traces.Select(t => t.TraceId));
        Assert.Equal(100, traces[0].DurationMs);
    }

    [Fact]
    public void QueryTraces_ByResource_MatchesServiceNameOrKey()
    {
        var store = new SpanStore(100);
        store.AddRange([Span(Api, "t1", "1"), Span(Web, "t2", "1"), Span(Api, "t3", "1"), Span(Web, "t3", "2", "1")]);

        Assert.Equal(["t3", "t2"], store.QueryTraces(new TraceQuery(Resource: "web")).Select(t => t.TraceId));
        Assert.Equal(["t3", "t2"], store.QueryTraces(new TraceQuery(Resource: "web-x1")).Select(t => t.TraceId));
        Assert.Equal(["t3", "t1"], store.QueryTraces(new TraceQuery(Resource: "api")).Select(t => t.TraceId));
    }

    [Fact]
    public void QueryTraces_Summary_NamesRootSpanAndFlagsMissingRoot()
    {
        var store = new SpanStore(100);
        store.AddRange([Span(Api, "t", "child", "root", startMs: 5, name: "GET /child"), Span(Web, "t", "root", startMs: 0, durationMs: 20, name: "GET /")]);
        store.AddRange([Span(Api, "orphan", "c", "missing", name: "work")]);

        var traces = store.QueryTraces(new TraceQuery()).ToDictionary(t => t.TraceId);

        Assert.Equal("GET /", traces["t"].RootName);
        Assert.Equal("web-x1", traces["t"].RootResource);
        Assert.False(traces["t"].Incomplete);
        Assert.True(traces["orphan"].Incomplete);
        Assert.Equal(2, traces["t"].Resources.Length);
    }

    [Fact]
    public void QueryTraces_Limit_ReturnsNewestFirst()
    {
        var store = new SpanStore(100);
        for (var i = 0; i < 10; i++)
        {
            store.AddRange([Span(Api, $"t{i}", "1")]);
        }

        Assert.Equal(["t9", "t8", "t7"], store.QueryTraces(new TraceQuery(Limit: 3)).Select(t => t.TraceId));
    }
}
