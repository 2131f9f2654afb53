namespace Aspire.Hosting.ApplicationModel;

/// <summary>Which replica's values are being resolved: each replica listens on its own target port.</summary>
public static class ReplicaScope
{
    private static readonly AsyncLocal<int?> CurrentIndex = new();

    /// <summary>The replica index in scope, if any.</summary>
    public static int? Current => CurrentIndex.Value;

    /// <summary>Resolves values for replica <paramref name="index"/> until disposed.</summary>
    public static IDisposable Enter(int index)
    {
        var previous = CurrentIndex.Value;
        CurrentIndex.Value = index;
        return new Exit(previous);
    }

    private sealed class Exit(int? previous) : IDisposable
    {
        public void Dispose() => CurrentIndex.Value = previous;
    }
}
