using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Tests.Storage;

public sealed class HistogramMathTests
{
    // Buckets (-inf,10], (10,20], (20,50], (50,+inf) holding 10, 80, 10, 0 observations.
    private static readonly HistogramData Data = new(100, 1500, 1, 45, [10, 20, 50], [10, 80, 10, 0], []);

    [Fact]
    public void Percentile_MedianInsideBucket_InterpolatesLinearly()
    {
        // rank 50 is the 40th of 80 observations in (10,20] → 10 + 10 * 40/80.
        Assert.Equal(15, HistogramMath.Percentile(Data, 50)!.Value, 6);
    }

    [Fact]
    public void Percentile_TopBucket_IsBoundedByMax()
    {
        // rank 99 falls in (20,50]; the bucket is capped at max 45 → 20 + 25 * 9/10.
        Assert.Equal(42.5, HistogramMath.Percentile(Data, 99)!.Value, 6);
    }

    [Fact]
    public void Percentile_FirstBucket_StartsAtMin()
    {
        // rank 5 of the first bucket (min 1, bound 10) → 1 + 9 * 5/10.
        Assert.Equal(5.5, HistogramMath.Percentile(Data, 5)!.Value, 6);
    }

    [Fact]
    public void Percentile_Empty_IsNull() =>
        Assert.Null(HistogramMath.Percentile(Data with { Count = 0, Counts = [0, 0, 0, 0] }, 50));

    [Fact]
    public void Percentile_Summary_InterpolatesBetweenQuantiles()
    {
        var summary = new HistogramData(10, 100, null, null, [], [], [new(0.5, 10), new(0.99, 50), new(0, 1)]);

        Assert.Equal(10, HistogramMath.Percentile(summary, 50));
        Assert.Equal(50, HistogramMath.Percentile(summary, 99));
    }

    [Fact]
    public void Delta_CumulativeSameStart_SubtractsPreviousCounts()
    {
        var previous = Data with { Count = 10, Sum = 100, Counts = [10, 0, 0, 0] };

        var delta = HistogramMath.Delta(Data, previous, sameStart: true);

        Assert.Equal(90UL, delta.Count);
        Assert.Equal([0UL, 80, 10, 0], delta.Counts);
        Assert.Null(delta.Min);
    }

    [Fact]
    public void Delta_CountsWentDown_TreatsAsRestart()
    {
        var previous = Data with { Count = 1000, Counts = [1000, 0, 0, 0] };

        Assert.Same(Data, HistogramMath.Delta(Data, previous, sameStart: true));
        Assert.Same(Data, HistogramMath.Delta(Data, Data, sameStart: false));
    }
}
