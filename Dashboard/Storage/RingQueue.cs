namespace Deploy.Dashboard.Storage;

/// <summary>
/// A growable FIFO over a circular array: O(1) append at the tail, O(1) removal at the head, O(1) indexing.
/// The stores use it both as the bounded global buffer of a signal (oldest dropped first) and as the
/// per-group list (spans of one trace, points of one series), because eviction from the global buffer
/// always removes the oldest item of its group, i.e. the group's head.
/// Not thread-safe: owners guard it with their own lock.
/// </summary>
internal sealed class RingQueue<T>
{
    private T[] _items;
    private int _head;

    public RingQueue(int initialCapacity = 4) => _items = new T[Math.Max(1, initialCapacity)];

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items[(_head + index) % _items.Length];
        }
    }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) % _items.Length] = item;
        Count++;
    }

    public T RemoveFirst()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The queue is empty.");
        }

        var item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        Count--;
        ShrinkIfSparse();
        return item;
    }

    public T[] ToArray()
    {
        var result = new T[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = _items[(_head + i) % _items.Length];
        }

        return result;
    }

    private void Grow()
    {
        var bigger = new T[_items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) % _items.Length];
        }

        _items = bigger;
        _head = 0;
    }

    // Groups (traces, series) that were large and have been mostly evicted give their memory back.
    private void ShrinkIfSparse()
    {
        if (_items.Length < 64 || Count > _items.Length / 4)
        {
            return;
        }

        var smaller = new T[_items.Length / 2];
        for (var i = 0; i < Count; i++)
        {
            smaller[i] = _items[(_head + i) % _items.Length];
        }

        _items = smaller;
        _head = 0;
    }
}
