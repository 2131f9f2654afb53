using Deploy.Dashboard.Api;
using static Deploy.Dashboard.Tests.Storage.StoreBuilders;

namespace Deploy.Dashboard.Tests.Api;

public sealed class TraceWaterfallTests
{
    [Fact]
    public void Build_Tree_OrdersDepthFirstByStartWithDepths()
    {
        var api = Resource("api");
        var spans = new[]
        {
            Span(api, "t", "c2", "root", startMs: 30, durationMs: 10, name: "second child"),
            Span(api, "t", "gc", "c1", startMs: 12, durationMs: 2, name: "grandchild"),
            Span(api, "t", "root", null, startMs: 0, durationMs: 50, name: "root"),
            Span(api, "t", "c1", "root", startMs: 10, durationMs: 10, name: "first child"),
            Span(api, "t", "o", "not-here", startMs: 60, durationMs: 5, name: "orphan"),
        };

        var trace = TraceWaterfall.Build("t", spans);

        Assert.Equal(["root", "first child", "grandchild", "second child", "orphan"], trace.Spans.Select(s => s.Name));
        Assert.Equal([0, 1, 2, 1, 0], trace.Spans.Select(s => s.Depth));
        Assert.Equal(65, trace.DurationMs);
        Assert.Equal(30, trace.Spans[3].OffsetMs);
    }

    [Fact]
    public void Build_TenThousandSpanChain_DoesNotOverflowAndKeepsAllSpans()
    {
        var api = Resource("api");
        var spans = Enumerable.Range(0, 10_000)
            .Select(i => Span(api, "t", $"s{i}", i == 0 ? null : $"s{i - 1}", startMs: i, durationMs: 1))
            .ToArray();

        var trace = TraceWaterfall.Build("t", spans);

        Assert.Equal(10_000, trace.Spans.Count);
        Assert.Equal(9_999, trace.Spans[^1].Depth);
    }

    [Fact]
    public void Build_SelfParentSpan_AppearsOnceAsRoot()
    {
        var trace = TraceWaterfall.Build("t", [Span(Resource("api"), "t", "s", "s")]);

        Assert.Equal(0, Assert.Single(trace.Spans).Depth);
    }
}
