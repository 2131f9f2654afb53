using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Deploy.Hosting.Tests.Publishing.Azure;

/// <summary>Keeps every message the AppHost logs at Information or above (a publish's next steps, for instance).</summary>
public sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>Everything logged, one message a line.</summary>
    public string Text => string.Join('\n', _messages);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            _messages.Enqueue(formatter(state, exception));
    }

    public void Dispose()
    {
    }
}
