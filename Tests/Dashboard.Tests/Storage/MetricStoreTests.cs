using Deploy.Dashboard.Storage;
using static Deploy.Dashboard.Tests.Storage.StoreBuilders;

namespace Deploy.Dashboard.Tests.Storage;

public sealed class MetricStoreTests
{
    private static readonly TelemetryResource Api = Resource("api");

    [Fact]
    public void AddRange_PastCapacity_DropsOldestPointsAndEmptySeries()
    {
        var store = new MetricStore(maxPoints: 10);
        // 5 points of series "old", then 10 of series "new": "old" loses all its points and disappears.
        store.AddRange([.. Enumerable.Range(0, 5).Select(i => Point(Api, "m", i, i, "old"))]);
        store.AddRange([.. Enumerable.Range(5, 10).Select(i => Point(Api, "m", i, i, "new"))]);

        Assert.Equal(10, store.Count);
        Assert.Equal(1, store.SeriesCount);
        var series = Assert.Single(store.Series("api", "m", null, 0));
        Assert.Equal("new", series.Series.Attributes[0].Value);
        Assert.Equal(5, series.Points[0].Value);
    }

    [Fact]
    public void AddRange_InstrumentFullyEvicted_IsNoLongerListed()
    {
        var store = new MetricStore(maxPoints: 3);
        store.AddRange([Point(Api, "gone", 1, 1)]);
        store.AddRange([Point(Api, "kept", 1, 2), Point(Api, "kept", 2, 3), Point(Api, "kept", 3, 4)]);

        Assert.Equal(["kept"], store.Instruments(null).Select(i => i.Descriptor.Name));
    }

    [Fact]
    public void Series_SameNameOtherResource_FilteredByResource()
    {
        var store = new MetricStore(100);
        store.AddRange([Point(Api, "m", 1, 1), Point(Resource("web"), "m", 2, 1)]);

        Assert.Equal(2, store.Series(null, "m", null, 0).Count);
        var only = Assert.Single(store.Series("web", "m", null, 0));
        Assert.Equal(2, only.Points.Single().Value);
    }

    [Fact]
    public void Series_Since_ExcludesOlderPoints()
    {
        var store = new MetricStore(100);
        store.AddRange([Point(Api, "m", 1, 1_000), Point(Api, "m", 2, 2_000), Point(Api, "m", 3, 3_000)]);

        var series = Assert.Single(store.Series("api", "m", null, 2_000L * 1_000_000));

        Assert.Equal([2.0, 3.0], series.Points.Select(p => p.Value));
    }

    [Fact]
    public void AddRange_ManySeriesOverLongRun_CountStaysAtBound()
    {
        var store = new MetricStore(maxPoints: 1_000);
        for (var i = 0; i < 50_000; i++)
        {
            store.AddRange([Point(Api, "m", i, i, $"series-{i % 5_000}")]);
        }

        Assert.Equal(1_000, store.Count);
        Assert.Equal(1_000, store.SeriesCount); // only series with a point still in the buffer remain
    }
}
