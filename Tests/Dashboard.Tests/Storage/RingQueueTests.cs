using Deploy.Dashboard.Storage;

namespace Deploy.Dashboard.Tests.Storage;

public sealed class RingQueueTests
{
    [Fact]
    public void RemoveFirst_AfterWrapAndGrow_ReturnsItemsInInsertionOrder()
    {
        var queue = new RingQueue<int>(2);
        queue.Add(1);
        queue.Add(2);
        Assert.Equal(1, queue.RemoveFirst());
        queue.Add(3); // wraps
        queue.Add(4); // grows while wrapped
        queue.Add(5);

        Assert.Equal([2, 3, 4, 5], queue.ToArray());
        Assert.Equal(4, queue[2]);
        Assert.Equal(2, queue.RemoveFirst());
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void RemoveFirst_Empty_Throws()
    {
        var queue = new RingQueue<string>();

        Assert.Throws<InvalidOperationException>(() => queue.RemoveFirst());
    }

    [Fact]
    public void Indexer_OutOfRange_Throws()
    {
        var queue = new RingQueue<int>();
        queue.Add(7);

        Assert.Throws<ArgumentOutOfRangeException>(() => queue[1]);
    }
}
