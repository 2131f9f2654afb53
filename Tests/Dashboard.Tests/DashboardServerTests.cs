using System.Net;
using System.Net.Sockets;
using Deploy.Dashboard.Storage;
using Microsoft.Extensions.Logging;

namespace Deploy.Dashboard.Tests;

public sealed class DashboardServerTests
{
    [Fact]
    public async Task StartAsync_RandomPorts_ReturnsDistinctBoundUrls()
    {
        await using var server = new DashboardServer(new DashboardOptions());

        var urls = await server.StartAsync(TestContext.Current.CancellationToken);

        var ports = new[] { urls.UiUrl, urls.OtlpHttpEndpoint!, urls.OtlpGrpcEndpoint! }.Select(u => new Uri(u).Port).ToArray();
        Assert.All(ports, p => Assert.NotEqual(0, p));
        Assert.Equal(3, ports.Distinct().Count());
        Assert.Same(urls, server.Urls);
        Assert.Matches("/login\\?t=[0-9a-f]{32}$", urls.LoginUrl);
    }

    [Fact]
    public async Task StartAsync_GrpcDisabled_HasNoGrpcEndpoint()
    {
        await using var server = new DashboardServer(new DashboardOptions { OtlpGrpcPort = null });

        var urls = await server.StartAsync(TestContext.Current.CancellationToken);

        Assert.Null(urls.OtlpGrpcEndpoint);
        Assert.NotNull(urls.OtlpHttpEndpoint);
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        await using var server = new DashboardServer(new DashboardOptions());
        await server.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DisposeAsync_AfterStart_FreesThePort()
    {
        var server = new DashboardServer(new DashboardOptions());
        var port = new Uri((await server.StartAsync(TestContext.Current.CancellationToken)).UiUrl).Port;

        await server.DisposeAsync();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(); // throws if the dashboard still held the port
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    [Fact]
    public async Task StartAsync_NoApiKey_LogsUnsecuredWarning()
    {
        var sink = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(sink));
        await using var server = new DashboardServer(new DashboardOptions(), loggerFactory: factory);

        await server.StartAsync(TestContext.Current.CancellationToken);

        Assert.Contains(sink.Messages, m => m.Level == LogLevel.Warning && m.Text.Contains("unsecured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5000, 5000, 0)]
    [InlineData(70000, 0, 0)]
    public void Constructor_InvalidPorts_Throws(int ui, int http, int grpc) =>
        Assert.ThrowsAny<ArgumentException>(() => new DashboardServer(new DashboardOptions { UiPort = ui, OtlpHttpPort = http, OtlpGrpcPort = grpc }));

    [Fact]
    public void Constructor_NonPositiveLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DashboardServer(new DashboardOptions { Limits = new TelemetryLimits(MaxSpans: 0) }));

    [Fact]
    public void Constructor_ShortBrowserToken_Throws() =>
        Assert.Throws<ArgumentException>(() => new DashboardServer(new DashboardOptions { BrowserToken = "short" }));

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(Messages);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<(LogLevel, string)> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (messages)
                {
                    messages.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
