namespace Aspire.Hosting;

/// <summary>Whether the AppHost runs the application or publishes it, and with which publisher.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation, string? publisherName = null)
{
    /// <summary>Run or publish.</summary>
    public DistributedApplicationOperation Operation { get; } = operation;

    /// <summary>The publisher in publish mode (<c>manifest</c>, <c>kubernetes</c>…).</summary>
    public string? PublisherName { get; } = publisherName;

    /// <summary>True when running locally.</summary>
    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    /// <summary>True when writing deployment artifacts.</summary>
    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}

/// <summary>What the AppHost was asked to do.</summary>
public enum DistributedApplicationOperation
{
    /// <summary>Run the application locally.</summary>
    Run,
    /// <summary>Write deployment artifacts.</summary>
    Publish,
}
