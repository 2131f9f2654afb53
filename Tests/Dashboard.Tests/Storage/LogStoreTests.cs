using Deploy.Dashboard.Storage;
using static Deploy.Dashboard.Tests.Storage.StoreBuilders;

namespace Deploy.Dashboard.Tests.Storage;

public sealed class LogStoreTests
{
    private static readonly TelemetryResource Api = Resource("api");
    private static readonly TelemetryResource Web = Resource("web");

    [Fact]
    public void AddRange_PastCapacity_DropsOldestFirst()
    {
        var store = new LogStore(maxLogs: 5);
        store.AddRange([.. Enumerable.Range(0, 12).Select(i => Log(Api, $"line {i}"))]);

        Assert.Equal(5, store.Count);
        Assert.Equal(["line 11", "line 10", "line 9", "line 8", "line 7"], store.Query(new LogQuery()).Select(l => l.Body));
    }

    [Fact]
    public void Query_LevelResourceAndText_AllFiltersApply()
    {
        var store = new LogStore(100);
        store.AddRange([Log(Api, "started", 9), Log(Api, "disk almost full", 13), Log(Web, "disk failed", 17), Log(Api, "disk failed", 17)]);

        var result = store.Query(new LogQuery(Resource: "api", MinSeverity: LogLevels.MinSeverity("warning"), Text: "DISK"));

        Assert.Equal(["disk failed", "disk almost full"], result.Select(l => l.Body));
        Assert.All(result, l => Assert.Equal("api", l.Resource.Name));
    }

    [Fact]
    public void Query_TextInAttribute_Matches()
    {
        var store = new LogStore(100);
        store.AddRange([Log(Api, "one"), Log(Api, "two")]);

        Assert.Equal(["two"], store.Query(new LogQuery(Text: "two-attr")).Select(l => l.Body));
    }

    [Fact]
    public void Query_TraceId_UsesIndexAndForgetsEvictedEntries()
    {
        var store = new LogStore(3);
        store.AddRange([Log(Api, "a1", traceId: "aa"), Log(Api, "b1", traceId: "bb"), Log(Api, "a2", traceId: "aa")]);
        Assert.Equal(["a2", "a1"], store.Query(new LogQuery(TraceId: "AA")).Select(l => l.Body));

        store.AddRange([Log(Api, "x"), Log(Api, "y")]);

        Assert.Equal(["a2"], store.Query(new LogQuery(TraceId: "aa")).Select(l => l.Body));
        Assert.Empty(store.Query(new LogQuery(TraceId: "bb")));
    }

    [Fact]
    public void Query_BeforeIdAndAfterId_PageBackwardsAndTail()
    {
        var store = new LogStore(100);
        store.AddRange([.. Enumerable.Range(1, 10).Select(i => Log(Api, $"{i}"))]);

        var first = store.Query(new LogQuery(Limit: 4));
        var second = store.Query(new LogQuery(BeforeId: first[^1].Id, Limit: 4));
        var tail = store.Query(new LogQuery(AfterId: 8));

        Assert.Equal(["10", "9", "8", "7"], first.Select(l => l.Body));
        Assert.Equal(["6", "5", "4", "3"], second.Select(l => l.Body));
        Assert.Equal(["10", "9"], tail.Select(l => l.Body));
    }

    [Theory]
    [InlineData("error", 17)]
    [InlineData("Warn", 13)]
    [InlineData("information", 9)]
    [InlineData("critical", 21)]
    [InlineData("", 0)]
    [InlineData("nonsense", 0)]
    public void MinSeverity_LevelName_MapsToOtlpSeverityRange(string level, int expected) =>
        Assert.Equal(expected, LogLevels.MinSeverity(level));

    [Theory]
    [InlineData(1, "trace")]
    [InlineData(12, "information")]
    [InlineData(17, "error")]
    [InlineData(24, "critical")]
    [InlineData(0, "unspecified")]
    public void Name_SeverityNumber_MapsToLevel(int severity, string expected) => Assert.Equal(expected, LogLevels.Name(severity));
}
