namespace Deploy.ServiceDefaults.Resilience;

/// <summary>
/// Settings of the standard HTTP resilience pipeline. Defaults follow <c>Microsoft.Extensions.Http.Resilience</c>'s
/// standard handler so behaviour matches an Aspire service.
/// </summary>
public sealed record StandardResilienceOptions
{
    /// <summary>The shared default settings.</summary>
    public static StandardResilienceOptions Default { get; } = new();

    /// <summary>Limit for the whole call, all retries and delays included (default 30 s).</summary>
    public TimeSpan TotalRequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one attempt (default 10 s); an attempt that runs out is retried.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a transient failure is retried (default 3; 0 disables retries).</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Base delay of the jittered exponential back-off (default 2 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of one back-off delay, also of a server's Retry-After (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Failure ratio in the sampling window that opens the circuit (default 0.1).</summary>
    public double CircuitBreakerFailureRatio { get; init; } = 0.1;

    /// <summary>Sampling window of the circuit breaker (default 30 s).</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls needed in the window before the circuit may open (default 100).</summary>
    public int CircuitBreakerMinimumThroughput { get; init; } = 100;

    /// <summary>How long an open circuit rejects calls before probing again (default 5 s).</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(5);
}
